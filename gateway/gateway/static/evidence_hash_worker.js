// Hashes one part of a file away from the page's own thread, so the page stays responsive and several parts
// are hashed at once: the part's SHA-256 (Web Crypto) and MD5 (the prebuilt SparkMD5 bundle, plain JavaScript:
// the page's Content-Security-Policy allows no WebAssembly). A classic worker: importScripts is everywhere.
importScripts("vendor/spark-md5.min.js");

self.onmessage = async ({ data: part }) => {
  try {
    const bytes = await part.arrayBuffer();
    const hashing = crypto.subtle.digest("SHA-256", bytes);
    const md5 = btoa(SparkMD5.ArrayBuffer.hash(bytes, true));
    self.postMessage({ sha256: new Uint8Array(await hashing), md5 });
  } catch (failure) {
    self.postMessage({ failed: String(failure) });
  }
};
