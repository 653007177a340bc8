// The evidence API as the upload script calls it: through nginx with the session cookie and the page's
// CSRF token; a lost connection or a 5xx is tried again after a pause, once the browser is online.
export const API = "/api/evidence/v1";
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];

export class ApiError extends Error {
  constructor(status, code, message, retryable = false) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.retryable = retryable;
  }
}

const csrf = () => document.querySelector('meta[name="csrf-token"]').content;
// A pause that a stopped upload (`signal`) cuts short.
function pause(ms, signal) {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      done();
    }, { once: true });
  });
}
export const transient = (status) => status === 0 || status === 408 || status === 429 || status >= 500;

function online() {
  if (navigator.onLine !== false) return Promise.resolve();
  return new Promise((done) => window.addEventListener("online", () => done(), { once: true }));
}

export async function call(method, path, body) {
  let response;
  try {
    response = await fetch(API + path, {
      method, credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (failure) {
    throw new ApiError(0, "CONNECTION", failure.message, true);
  }
  const answer = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, answer.code || "UNAVAILABLE", answer.message, transient(response.status));
  return answer;
}

// Calls that change nothing twice (signing, listing) are tried again after a lost connection or a 5xx.
export async function patiently(attempt, signal) {
  for (let index = 0; ; index += 1) {
    await pause(RETRY_DELAYS[index], signal);
    signal?.throwIfAborted();
    await online();
    try {
      return await attempt();
    } catch (failure) {
      if (!failure.retryable || index === RETRY_DELAYS.length - 1) throw failure;
    }
  }
}

// Abandons an unfinished upload (its parts leave the store); one already gone is what was wanted.
export async function discardUpload(uploadId) {
  try {
    await patiently(() => call("DELETE", `/uploads/${uploadId}`));
  } catch (failure) {
    if (failure.code !== "UPLOAD_NOT_FOUND") throw failure;
  }
}
