// The digests the evidence contract asks for, computed in the browser (Web Crypto needs a secure context:
// https, or http on localhost). Each part's SHA-256 and MD5 come from a few workers (evidence_hash_worker.js),
// one part each at a time: hashing a part takes longer than sending it on a fast network.
const WORKER = new URL("./evidence_hash_worker.js", import.meta.url);
const pool = { size: Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)), started: 0, idle: [], waiting: [] };

export async function sha256(blob) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
}

export function base64(bytes) {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

// A part's SHA-256 (raw bytes, for the composite) and MD5 (base64, as Content-MD5 and the sign call want it);
// a part still waiting when its upload stops (`signal`) is not hashed at all.
export function partDigests(blob, signal) {
  const hashing = new Promise((resolve, reject) => {
    pool.waiting.push({ blob, signal, resolve, reject });
    hashNext();
  });
  hashing.catch(() => {}); // a stopped upload never asks for these
  return hashing;
}

function hashNext() {
  for (const job of pool.waiting.filter((waiting) => waiting.signal?.aborted)) job.reject(job.signal.reason);
  pool.waiting = pool.waiting.filter((waiting) => !waiting.signal?.aborted);
  while (pool.waiting.length && (pool.idle.length || pool.started < pool.size)) {
    const worker = pool.idle.pop() || started();
    const job = pool.waiting.shift();
    const finish = (failed, broken = false) => {
      if (failed) job.reject(new Error(failed));
      if (broken) {
        worker.terminate(); // a worker that failed itself is not given another part
        pool.started -= 1;
      } else {
        pool.idle.push(worker);
      }
      hashNext();
    };
    worker.onmessage = ({ data }) => {
      if (!data.failed) job.resolve(data);
      finish(data.failed);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish("the part could not be hashed", true);
    };
    worker.postMessage(job.blob);
  }
}

function started() {
  pool.started += 1;
  return new Worker(WORKER);
}

// The contract's whole-file checksum: base64(SHA-256(d1 || ... || dN)) + "-N", di the raw digest of part i.
export async function composite(digests) {
  const joined = new Uint8Array(digests.length * 32);
  digests.forEach((digest, index) => joined.set(digest, index * 32));
  return `${base64(await sha256(new Blob([joined])))}-${digests.length}`;
}
