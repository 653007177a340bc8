// The marksheet, box by box: each value is saved as it is entered (PATCH to the marks API through the
// edge, with the page's CSRF token), TAB moves down the column, the last teacher initials are offered
// for the next candidate, and an Absent outcome is confirmed. Without this script the page is one form
// that SAVE AND CLOSE sends whole.
const table = document.getElementById("marksheet");
const form = document.getElementById("marksheet-form");
if (table && form) start(table, form);

function start(table, form) {
  const messages = JSON.parse(document.getElementById("marksheet-messages").textContent);
  const status = document.getElementById("marksheet-status");
  const counts = document.getElementById("marksheet-counts");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const { unit, centre } = table.dataset;
  const initialsKey = `iamis-initials-${centre}-${unit}`;
  const fields = Array.from(table.querySelectorAll(".mark-field"));

  const isField = (node) => node instanceof HTMLElement && node.classList.contains("mark-field");
  const current = (field) => field.value.trim();
  const previousBox = (field) => document.getElementById(`${field.id}-previous`);
  const previous = (field) => previousBox(field).value;
  const labelOf = (field) => document.querySelector(`label[for="${field.id}"]`).textContent.trim();
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  const announce = (text) => { status.textContent = text; };
  const apiUrl = (field) => ["/api/marks/v1/centres", centre, "units", unit, "candidates", field.dataset.candidate]
    .map((part, index) => (index ? encodeURIComponent(part) : part)).join("/");

  function showState(field, saved) {
    field.classList.toggle("mark-field--saved", saved && current(field) !== "");
    field.classList.remove("mark-field--error");
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
    document.getElementById(`${field.id}-message`).textContent = "";
  }

  function refuse(field, text) {
    field.classList.remove("mark-field--saved");
    field.classList.add("mark-field--error");
    field.setAttribute("aria-invalid", "true");
    const message = document.getElementById(`${field.id}-message`);
    message.textContent = text;
    field.setAttribute("aria-describedby", message.id);
    announce(`${labelOf(field)}: ${text}`);
  }

  function message(code, field, values = {}) {
    const template = messages[code] || values.fallback || messages.NOT_SAVED;
    return fill(template, { task: field.dataset.task || "", max: field.dataset.max || "", value: values.value ?? "" });
  }

  function showInitials(row) {
    const box = row.querySelector("[data-initials]");
    if (!box) return;
    const initials = box.querySelector(".mark-field");
    const marks = Array.from(row.querySelectorAll('.mark-field[data-kind="mark"]'));
    // Absent and carried-forward candidates need no initials: only a mark brings the box.
    box.hidden = !(marks.some((mark) => /^\d+$/.test(previous(mark))) || previous(initials) !== "" || current(initials) !== "");
  }

  // The row as the service now holds it: our own save can change other boxes (A or CF fills every task).
  function applyRow(source, row) {
    const line = source.closest("tr");
    for (const other of line.querySelectorAll(".mark-field")) {
      const shown = row.values ? row.values[other.dataset.field] : undefined;
      if (other === source || shown === undefined) continue;
      // A box the teacher has not typed in follows the service, even the focused one: left stale,
      // leaving it would send its old value back and undo what the service just did (A fills every task).
      const untouched = current(other) === previous(other) && !other.dataset.sent;
      previousBox(other).value = shown;
      if (untouched) { other.value = shown; showState(other, true); }
    }
    const total = line.querySelector("[data-total]");
    if (total) total.textContent = row.total ?? "";
    showInitials(line);
  }

  function accepted(field, value, body) {
    const row = body.row || {};
    const shown = row.values && row.values[field.dataset.field] !== undefined ? row.values[field.dataset.field] : value;
    previousBox(field).value = shown;
    delete field.dataset.sent;
    if (current(field) === value) field.value = shown;
    showState(field, true);
    announce(fill(messages.SAVED, { field: labelOf(field) }));
    if (field.dataset.kind === "initials" && shown) sessionStorage.setItem(initialsKey, shown);
    if (body.row) applyRow(field, body.row);
    if (body.counts && counts) counts.textContent = fill(messages.COUNTS, body.counts);
  }

  function refused(field, response, body) {
    const code = body.code || { 401: "SIGN_IN_REQUIRED", 403: "CSRF_TOKEN_INVALID", 423: "MARKSHEET_SUBMITTED" }[response.status] || "UNAVAILABLE";
    if (response.status === 409 && body.details && body.details.row) {
      // Someone else saved this box: show their value, and take it as the one we last saw, so that
      // saving ours over it is a second, deliberate step (leave the box again).
      const now = body.details.row.values ? body.details.row.values[field.dataset.field] ?? "" : "";
      previousBox(field).value = now;
      delete field.dataset.sent;
      refuse(field, message(now === "" ? "VALUE_CLEARED" : "VALUE_CHANGED", field, { value: now }));
      applyRow(field, body.details.row);
      return;
    }
    if (response.status >= 500 || [401, 403].includes(response.status) && code !== "READ_ONLY") delete field.dataset.sent;
    refuse(field, message(code, field, { fallback: body.message }));
  }

  async function send(field, value) {
    if (value === previous(field)) return;
    let response;
    let body = {};
    try {
      response = await fetch(apiUrl(field), {
        method: "PATCH", credentials: "same-origin", keepalive: true,
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ field: field.dataset.field, value, previous: previous(field) }),
      });
      body = await response.json().catch(() => ({}));
    } catch (error) {
      delete field.dataset.sent;
      refuse(field, messages.NOT_SAVED);
      return;
    }
    if (response.ok) accepted(field, value, body);
    else refused(field, response, body);
  }

  // One save at a time per box, in the order typed, so each carries the value the one before saved.
  function save(field) {
    const value = current(field);
    if (value === field.dataset.sent) return;
    if (value === previous(field)) { delete field.dataset.sent; showState(field, true); return; }
    field.dataset.sent = value;
    // Offer these initials to the next candidate straight away, not only once the service has answered.
    if (field.dataset.kind === "initials" && /^[A-Za-z]{1,4}$/.test(value)) sessionStorage.setItem(initialsKey, value.toUpperCase());
    field.saving = (field.saving || Promise.resolve()).then(() => send(field, value));
  }

  function neighbour(field, step) {
    const column = fields.filter((other) => other.dataset.column === field.dataset.column);
    for (let at = column.indexOf(field) + step; at >= 0 && at < column.length; at += step) {
      if (!column[at].closest("[hidden]")) return column[at];
    }
    return null;
  }

  table.addEventListener("keydown", (event) => {
    const field = event.target;
    if (!isField(field) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Tab") {
      const next = neighbour(field, event.shiftKey ? -1 : 1);
      if (!next) return;  // the last box of the column: TAB leaves it as usual
      event.preventDefault();
      next.focus();
      if (next instanceof HTMLInputElement) next.select();
    } else if (event.key === "Enter" && field instanceof HTMLInputElement) {
      event.preventDefault();  // Enter saves this box and moves down; SAVE AND CLOSE sends the page
      const next = neighbour(field, 1);
      if (next) next.focus(); else save(field);
    }
  });

  table.addEventListener("focusin", (event) => {
    const field = event.target;
    if (!isField(field) || field.dataset.kind !== "initials" || current(field) !== "") return;
    const last = sessionStorage.getItem(initialsKey);
    if (last) { field.value = last; field.select(); }
  });

  table.addEventListener("input", (event) => {
    if (isField(event.target)) event.target.classList.remove("mark-field--saved");
  });

  table.addEventListener("change", (event) => {
    const field = event.target;
    if (!isField(field)) return;
    if (field.dataset.kind === "outcome" && field.value === "Absent" && previous(field) !== "Absent"
        && !window.confirm(messages.ABSENT_CONFIRM)) {
      field.value = previous(field);
      return;
    }
    save(field);
  });

  table.addEventListener("focusout", (event) => {
    if (isField(event.target)) save(event.target);
  });

  window.addEventListener("pagehide", () => {
    if (isField(document.activeElement)) save(document.activeElement);
  });

  // SAVE AND CLOSE: the offered initials end here; boxes still saving finish before the page is sent.
  form.addEventListener("submit", (event) => {
    sessionStorage.removeItem(initialsKey);
    if (isField(document.activeElement)) save(document.activeElement);
    const saving = fields.map((field) => field.saving).filter(Boolean);
    if (!saving.length || form.dataset.flushed) return;
    event.preventDefault();
    form.dataset.flushed = "true";
    Promise.allSettled(saving).then(() => form.submit());
  });

  for (const row of table.querySelectorAll("tbody tr")) showInitials(row);
}
