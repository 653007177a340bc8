// The uploads that stopped part way, listed under a candidate's Upload (by the page, or here when one stops):
// choosing the same file again continues one; Discard abandons it, its parts leave the store and the line goes.
import { call, discardUpload } from "./evidence_api.js";
import { actionButton, fill, percentOf } from "./evidence_lines.js";

export class Unfinished {
  constructor(lines) {
    this.lines = lines;
    this.messages = lines.messages;
  }

  // The upload that stopped for this very file (same name, size and time), if the page lists one.
  static of(box, file) {
    return Array.from(box.querySelectorAll("[data-unfinished] li")).find((line) => line.dataset.filename === file.name
      && Number(line.dataset.size) === file.size && Number(line.dataset.lastModified) === file.lastModified);
  }

  // The page's own lines get their Discard handled here rather than by a reload of the whole page.
  wire(box) {
    for (const line of box.querySelectorAll("[data-unfinished] li")) {
      this.showStoppedAt(line);
      this.wireDiscard(box, line);
    }
  }

  wireDiscard(box, line) {
    line.querySelector("[data-discard]")?.addEventListener("submit", (event) => {
      event.preventDefault();
      this.discard(box, line);
    });
  }

  // Discard is offered only while nothing continues the upload.
  offerDiscard(line, offered) {
    const form = line?.querySelector("[data-discard]");
    if (form) form.hidden = !offered;
  }

  remember(item, file, session, partSize) {
    let list = item.box.querySelector("[data-unfinished]");
    if (!list) {
      list = document.createElement("ul");
      list.className = "upload__unfinished";
      list.dataset.unfinished = "";
      item.box.querySelector("[data-files]").before(list);
    }
    const line = document.createElement("li");
    Object.assign(line.dataset, { uploadId: session.uploadId, key: session.key, filename: file.name,
      size: String(file.size), lastModified: String(file.data.lastModified), partSize: String(partSize || "") });
    const text = document.createElement("span");
    text.dataset.unfinishedText = "";
    text.textContent = fill(this.messages.STOPPED_AT, { name: file.name, percent: Math.floor(item.bar.value) });
    const form = document.createElement("form");
    form.className = "upload__discard";
    form.dataset.discard = "";
    form.append(actionButton(this.messages.DISCARD, file.name, "submit"));
    line.append(text, " ", form);
    list.append(line);
    this.wireDiscard(item.box, line);
    return line;
  }

  async showStoppedAt(line) {
    try {
      const listed = await call("GET", `/uploads/${line.dataset.uploadId}/parts`);
      const bytes = (listed.parts || []).reduce((sum, part) => sum + (part.size || 0), 0);
      const percent = percentOf(bytes, Number(line.dataset.size));
      line.querySelector("[data-unfinished-text]").textContent = fill(this.messages.STOPPED_AT,
        { name: line.dataset.filename, percent });
    } catch {
      // The line keeps its server-written text: the upload can still be continued.
    }
  }

  async discard(box, line) {
    const name = line.dataset.filename;
    try {
      await discardUpload(line.dataset.uploadId);
    } catch (failure) {
      this.lines.showError(box, fill(this.messages.NOT_DISCARDED, { name, reason: this.lines.reasonFor(failure) }));
      return;
    }
    Unfinished.forget(line);
    this.lines.announce(fill(this.messages.DISCARDED, { name }));
    box.querySelector("[data-upload-input]").focus(); // the button pressed has gone
  }

  static forget(line) {
    const list = line?.parentElement;
    line?.remove();
    if (list && !list.children.length) list.remove();
  }
}
