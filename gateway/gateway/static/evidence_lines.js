// What a candidate's Upload cell shows while files go up: a line per file with its progress bar and
// percentage (announced now and then through the page's polite status region) and its Cancel button, and the
// reasons in the person's language (texts from the page's catalogue): never a code or a script's own text.
const ANNOUNCE_EVERY = 25; // per cent: a screen reader hears the progress now and then, not every tick
// What the page's own failures mean; the evidence service's codes have texts of their own in the catalogue.
const REASONS = { CSRF_TOKEN_INVALID: "EXPIRED", SIGN_IN_REQUIRED: "SIGNED_OUT", FILE_CHANGED: "CHANGED" };
const SERVICE_CODE = /^[A-Z][A-Z_]+$/;

export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
export const percentOf = (done, total) => (total > 0 ? Math.floor((done / total) * 100) : 100);

// A button that says what it does and, to a screen reader, to which file (as Download and Delete do).
export function actionButton(text, name, type = "button") {
  const button = document.createElement("button");
  button.type = type;
  button.className = "button button--secondary upload__action";
  const which = document.createElement("span");
  which.className = "visually-hidden";
  which.textContent = ` ${name}`;
  button.append(text, which);
  return button;
}

export class Lines {
  constructor(messages, status) {
    this.messages = messages;
    this.status = status;
  }

  announce(text) {
    this.status.textContent = text;
  }

  // No value until the share already stored is known: a continued upload starts there, never at 0.
  queueLine(box, name, onCancel) {
    const line = document.createElement("li");
    line.className = "upload__item";
    const label = document.createElement("span");
    label.className = "upload__item-name";
    label.textContent = name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.setAttribute("aria-label", fill(this.messages.PROGRESS, { name }));
    const figure = document.createElement("span");
    figure.className = "upload__percent";
    const state = document.createElement("span");
    state.className = "upload__state";
    const cancel = actionButton(this.messages.CANCEL, name);
    cancel.addEventListener("click", onCancel);
    line.append(label, " ", bar, " ", figure, " ", state, " ", cancel);
    box.querySelector("[data-queue]").append(line);
    return { box, name, line, bar, figure, state, cancel, announced: 0 };
  }

  // Once the upload is being finished (or is over) there is nothing left to cancel.
  endCancel(item) {
    if (document.activeElement === item.cancel) item.box.querySelector("[data-upload-input]").focus();
    item.cancel.remove();
  }

  // Progress arrives many times a second; the page changes only when the whole percent does.
  showPercent(item, percent) {
    if (item.percent === percent) return;
    item.percent = percent;
    item.bar.value = percent;
    item.figure.textContent = `${percent} %`;
    const step = Math.floor(percent / ANNOUNCE_EVERY) * ANNOUNCE_EVERY;
    if (step > item.announced && percent < 100) {
      item.announced = step;
      this.announce(fill(this.messages.UPLOADING, { name: item.name, percent }));
    }
  }

  finished(item, text, failed = false) {
    this.endCancel(item);
    item.state.textContent = text;
    item.line.classList.toggle("upload__item--failed", failed);
    this.announce(text);
  }

  showError(box, text) {
    const error = box.querySelector("[data-error]");
    error.textContent = text;
    error.hidden = false;
    this.announce(text);
  }

  reasonFor(failure) {
    const code = String(failure?.code || "");
    if (Object.hasOwn(REASONS, code)) return this.messages[REASONS[code]];
    if (SERVICE_CODE.test(code) && Object.hasOwn(this.messages.REFUSALS, code)) return this.messages.REFUSALS[code];
    return failure?.retryable ? this.messages.CONNECTION : this.messages.TRY_AGAIN;
  }
}
