// Sending the parts: a PUT of each part's bytes to its presigned URL (through nginx's /s3/), with upload
// progress; at most PARTS_IN_FLIGHT parts in flight on the whole page, whichever files they belong to.
import { ApiError, call, patiently, transient } from "./evidence_api.js";
import { base64 } from "./evidence_checksums.js";

export const PARTS_IN_FLIGHT = 4;
// The object store's own error codes, in the page's terms; any other is STORE_REFUSED (never shown as such).
const STORE_CODES = {
  NoSuchUpload: "UPLOAD_NOT_FOUND", // the upload was aborted or expired meanwhile
  BadDigest: "FILE_CHANGED", // the bytes sent were not the bytes hashed: the file changed on the computer
};

const slots = { free: PARTS_IN_FLIGHT, waiting: [] };
function takeSlot() {
  if (slots.free === 0) return new Promise((go) => slots.waiting.push(go));
  slots.free -= 1;
  return Promise.resolve();
}
function freeSlot() {
  const next = slots.waiting.shift();
  if (next) next();
  else slots.free += 1;
}

// One file's parts not stored yet, as page slots come free; the first that fails for good stops the file's
// other parts (through `stopper`), and is the failure the person hears of.
export async function inParallel(numbers, send, stopper) {
  let failed = null;
  const worker = async () => {
    while (numbers.length && !stopper.signal.aborted) {
      const number = numbers.shift();
      await takeSlot();
      try {
        if (!stopper.signal.aborted) await send(number);
      } catch (failure) {
        failed ??= failure;
        stopper.abort();
      } finally {
        freeSlot();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, numbers.length) }, worker));
  if (failed) throw failed;
}

// The part's URL, signed for its digests, then its bytes; a lost connection or a 5xx tries both again.
export function signAndPut(uploadId, number, body, digests, onProgress, signal) {
  return patiently(async () => {
    signal.throwIfAborted();
    const signing = { sha256: base64(digests.sha256), md5: digests.md5 };
    const { url } = await call("POST", `/uploads/${uploadId}/parts/${number}`, signing);
    try {
      return await putPart(url, body, digests.md5, onProgress, signal);
    } catch (failure) {
      onProgress(0);
      throw failure;
    }
  }, signal);
}

// Content-MD5 makes every S3 store check the part's bytes as they arrive.
function putPart(url, body, md5, onProgress, signal) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    request.setRequestHeader("Content-MD5", md5);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300 && request.getResponseHeader("ETag")) {
        resolve(request.getResponseHeader("ETag"));
        return;
      }
      const stored = /<Code>([^<]+)<\/Code>/.exec(request.responseText || "")?.[1]; // the store answers in XML
      const code = Object.hasOwn(STORE_CODES, stored ?? "") ? STORE_CODES[stored] : "STORE_REFUSED";
      reject(new ApiError(request.status, code, "", transient(request.status)));
    };
    request.onerror = () => reject(new ApiError(0, "CONNECTION", "connection lost", true));
    request.onabort = () => reject(new ApiError(0, "ABORTED", "stopped"));
    if (signal.aborted) {
      reject(new ApiError(0, "ABORTED", "stopped"));
      return;
    }
    signal.addEventListener("abort", () => request.abort(), { once: true });
    request.send(body);
  });
}
