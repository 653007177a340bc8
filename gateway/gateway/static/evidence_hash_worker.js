// Hashes one part of a file away from the page's own thread, so the page stays responsive and several parts
// are hashed at once: the part's SHA-256 (Web Crypto) and MD5 (hash-wasm's prebuilt bundle: WebAssembly, five
// times the speed of plain JavaScript, which made MD5 the slowest step of an upload). This script alone is
// served with a policy that lets it compile WebAssembly; the pages' own policy still forbids it. The part is
// read synchronously (a worker may block): in Chromium that costs a third less CPU than blob.arrayBuffer().
importScripts("vendor/md5.umd.min.js");

const hexToBase64 = (hex) => btoa(String.fromCharCode(...hex.match(/../g).map((pair) => parseInt(pair, 16))));

self.onmessage = async ({ data: part }) => {
  try {
    const bytes = new FileReaderSync().readAsArrayBuffer(part);
    const hashing = crypto.subtle.digest("SHA-256", bytes);
    const md5 = hexToBase64(await hashwasm.md5(new Uint8Array(bytes)));
    self.postMessage({ sha256: new Uint8Array(await hashing), md5 });
  } catch (failure) {
    self.postMessage({ failed: String(failure) });
  }
};
