// Evidence uploads on the marksheet. Each sampled candidate's file input sends the chosen files from the
// browser straight to object storage in parts (S3 multipart through nginx's /s3/, each part's SHA-256 and MD5
// hashed in workers and recorded by the evidence service, which presigns its URL; sent with its MD5), several parts
// at once, with a progress bar and a Cancel button. A stopped upload (lost connection, reloaded page)
// continues from the parts already stored when the same file is chosen again, or is discarded. Uppy's core
// (the prebuilt bundle, global `Uppy`) keeps the files, the 1 GB restriction and the progress; its uploader
// plugin (evidence_uploader.js) speaks the evidence API. Without this script the page still lists, downloads
// and deletes files.
import { discardUpload } from "./evidence_api.js";
import { Lines, fill, percentOf } from "./evidence_lines.js";
import { Unfinished } from "./evidence_unfinished.js";
import { uploadGone, uploaderOf } from "./evidence_uploader.js";

const MAX_FILE_SIZE = 1024 * 1024 * 1024;
const root = document.getElementById("evidence-upload");
const messages = root ? JSON.parse(document.getElementById("evidence-messages").textContent) : {};

function start(rootElement) {
  const lines = new Lines(messages, document.getElementById("evidence-status"));
  const unfinished = new Unfinished(lines);
  const uppy = new Uppy.Uppy({
    id: "evidence",
    restrictions: { maxFileSize: MAX_FILE_SIZE },
    locale: { strings: { exceedsSize: fill(messages.TOO_LARGE, { name: "%{file}" }) } },
    // One file may go to two candidates: the candidate is part of the file's identity here.
    onBeforeFileAdded: (file) => ({ ...file, id: `${file.id}-${file.meta.candidate || "group"}` }),
  });
  const { centre, unit } = rootElement.dataset;
  uppy.use(uploaderOf(Uppy.BasePlugin), { unitPath: `/centres/${centre}/units/${unit}` });
  const uploader = uppy.getPlugin("EvidenceUploader");
  const items = new Map(); // Uppy file id -> its line in the candidate's cell

  function choose(box, file) {
    const candidate = box.dataset.candidate || null;
    box.querySelector("[data-error]").hidden = true;
    const busy = uppy.getFiles().some((known) => (known.meta.candidate || null) === candidate
      && known.name === file.name && known.size === file.size && known.data.lastModified === file.lastModified);
    if (busy) {
      lines.showError(box, fill(messages.ALREADY, { name: file.name }));
      return;
    }
    let id;
    try {
      id = uppy.addFile({ name: file.name, type: file.type, data: file, source: "evidence", meta: { candidate } });
    } catch (refusal) {
      lines.showError(box, refusal.isRestriction ? refusal.message : fill(messages.ALREADY, { name: file.name }));
      return;
    }
    const earlier = Unfinished.of(box, file);
    if (earlier) {
      uppy.setFileState(id, { s3Multipart: { uploadId: earlier.dataset.uploadId, key: earlier.dataset.key } });
      uppy.setFileMeta(id, { partSize: Number(earlier.dataset.partSize) });
      unfinished.offerDiscard(earlier, false); // the line's Cancel stops it now
    }
    items.set(id, Object.assign(lines.queueLine(box, file.name, () => cancel(id)), { earlier }));
  }

  function cancel(id) {
    const item = items.get(id);
    if (!item) return; // over already
    items.delete(id);
    if (!uploader.cancel(id) && item.earlier) discardUpload(item.earlier.dataset.uploadId).catch(() => {});
    Unfinished.forget(item.earlier);
    item.line.remove();
    lines.announce(fill(messages.CANCELLED, { name: item.name }));
    item.box.querySelector("[data-upload-input]").focus(); // the button pressed has gone
  }

  async function reloadFiles(box) {
    const url = new URL(rootElement.dataset.filesUrl, window.location.href);
    url.searchParams.set("candidate", box.dataset.candidate || "");
    const response = await fetch(url, { credentials: "same-origin" });
    if (response.ok) box.querySelector("[data-files]").innerHTML = await response.text();
  }

  uppy.on("evidence:created", (file, created) => {
    const item = items.get(file.id);
    if (!item) return;
    uppy.setFileMeta(file.id, { partSize: created.part_size });
    Unfinished.forget(item.earlier); // an upload named by the page had gone: this one replaces it
    item.earlier = null;
  });
  uppy.on("evidence:restarted", (file) => lines.announce(fill(messages.RESTARTING, { name: file.name })));
  uppy.on("evidence:completing", (file) => items.has(file.id) && lines.endCancel(items.get(file.id)));
  uppy.on("evidence:resumed", (file, bytes) => {
    const item = items.get(file.id);
    const percent = percentOf(bytes, file.size);
    if (item) lines.showPercent(item, percent);
    lines.announce(fill(messages.RESUMING, { name: file.name, percent }));
  });
  uppy.on("upload-progress", (file, progress) => {
    const item = items.get(file.id);
    if (item) lines.showPercent(item, percentOf(progress.bytesUploaded, progress.bytesTotal));
  });
  uppy.on("upload-success", (file) => {
    const item = items.get(file.id);
    items.delete(file.id);
    if (!item) return;
    lines.showPercent(item, 100);
    Unfinished.forget(item.earlier);
    lines.finished(item, fill(messages.UPLOADED, { name: file.name }));
    reloadFiles(item.box).catch(() => {});
  });
  uppy.on("upload-error", (file, failure) => {
    const item = items.get(file.id);
    items.delete(file.id);
    if (!item) return;
    lines.finished(item, fill(messages.FAILED, { name: file.name, reason: lines.reasonFor(failure) }), true);
    const session = uppy.getFile(file.id)?.s3Multipart;
    if (uploadGone(failure)) {
      Unfinished.forget(item.earlier);
    } else if (item.earlier) {
      unfinished.offerDiscard(item.earlier, true);
    } else if (session) {
      unfinished.remember(item, file, session, uppy.getFile(file.id).meta.partSize);
    }
    reloadFiles(item.box).catch(() => {}); // a file the service did store after all shows up
  });
  // Finished files leave Uppy once its upload is over, so the same file can be chosen again later.
  uppy.on("complete", (result) => {
    for (const file of [...(result.successful || []), ...(result.failed || [])]) if (file) uppy.removeFile(file.id);
  });

  for (const box of document.querySelectorAll("[data-upload]")) {
    const input = box.querySelector("[data-upload-input]");
    box.querySelector("[data-no-script]").hidden = true;
    input.removeAttribute("aria-describedby");
    input.disabled = false;
    input.addEventListener("change", () => {
      for (const file of Array.from(input.files)) choose(box, file);
      input.value = "";
      uppy.upload().catch(() => {});
    });
    unfinished.wire(box);
  }
  rootElement.dataset.ready = "yes";
}

// Without Web Crypto (a page not served over https) parts cannot be checked: say so, upload nothing.
if (root && globalThis.Uppy && globalThis.Worker && globalThis.crypto?.subtle) {
  start(root);
} else if (root) {
  if (globalThis.Uppy) for (const hint of document.querySelectorAll("[data-upload] [data-no-script]")) hint.textContent = messages.NO_CHECKSUM;
  root.dataset.ready = "no";
}
