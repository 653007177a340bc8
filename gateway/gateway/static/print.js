// The print view's PRINT button; without JavaScript the browser's own Print command does the same.
const button = document.querySelector("[data-print]");
if (button) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
