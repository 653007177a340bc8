// One file's upload: S3 multipart through the evidence API, the parts PUT straight to object storage with
// presigned URLs; a named earlier upload continues from the parts already stored whose digest is the digest
// of the same slice of this file. An upload the store no longer has starts again from the beginning, once;
// one cancelled, or spoiled by bytes that were not the file's, is discarded so it is not listed as unfinished.
import { ApiError, call, discardUpload, patiently } from "./evidence_api.js";
import { base64, composite, partDigests, sha256 } from "./evidence_checksums.js";
import { inParallel, signAndPut } from "./evidence_parts.js";

export const SPOILED = new Set(["CHECKSUM_MISMATCH", "SIZE_MISMATCH", "FILE_CHANGED"]);

export class FileUpload {
  constructor(uppy, file, unitPath) {
    this.uppy = uppy;
    this.unitPath = unitPath; // /centres/<centre>/units/<unit id>
    this.file = file;
    this.data = file.data;
    this.earlier = file.s3Multipart; // {uploadId, key} of an upload to continue, if the page named one
    this.stored = new Map(); // part number -> {etag, digest, size}
    this.loading = new Map(); // part number -> bytes of it sent so far
    this.stopper = new AbortController();
    this.cancelled = false; // by the person
    this.restarted = false; // from the beginning, once, after the store had lost the upload
  }

  async run() {
    try {
      return await this.attempt();
    } catch (failure) {
      if (this.cancelled) throw await this.discarded(new ApiError(0, "CANCELLED"));
      if (failure?.code === "UPLOAD_NOT_FOUND" && !this.restarted) return this.restart();
      if (SPOILED.has(failure?.code)) throw await this.discarded(failure);
      throw failure;
    }
  }

  stop = () => this.stopper.abort();

  cancel() {
    this.cancelled = true;
    this.stop();
  }

  async attempt() {
    await this.resumeOrCreate();
    const count = Math.max(1, Math.ceil(this.data.size / this.partSize));
    const waiting = Array.from({ length: count }, (_, index) => index + 1).filter((number) => !this.stored.has(number));
    // Hashing runs ahead of sending (in part order), so a part's digests are ready when a slot frees.
    const digests = new Map(waiting.map((number) => [number, partDigests(this.slice(number), this.stopper.signal)]));
    this.report();
    await inParallel(waiting, (number) => this.sendPart(number, digests.get(number)), this.stopper);
    this.stopper.signal.throwIfAborted();
    this.uppy.emit("evidence:completing", this.file);
    return this.complete(count);
  }

  // The store aborted or expired the upload meanwhile: the whole file again, as a new upload (the old one
  // is discarded in case only the store had lost it, so the service does not list it as unfinished).
  async restart() {
    await this.discarded();
    Object.assign(this, { restarted: true, earlier: null, uploadId: null, stopper: new AbortController(),
      stored: new Map(), loading: new Map() });
    if (this.cancelled) this.stop(); // cancelled meanwhile: the new attempt ends before it begins
    this.uppy.emit("evidence:restarted", this.file);
    return this.run();
  }

  async discarded(failure) {
    if (this.uploadId) await discardUpload(this.uploadId).catch(() => {}); // else listed, with Discard
    return failure;
  }

  async resumeOrCreate() {
    this.stopper.signal.throwIfAborted();
    if (this.earlier) {
      try {
        this.uploadId = this.earlier.uploadId;
        this.partSize = this.file.meta.partSize;
        await this.keepStoredParts();
        this.uppy.emit("evidence:resumed", this.file, this.storedBytes());
        return;
      } catch (failure) {
        if (failure.code !== "UPLOAD_NOT_FOUND") throw failure;
        this.stored.clear();
      }
    }
    const created = await call("POST", `${this.unitPath}/uploads`, {
      candidate_number: this.file.meta.candidate || null, filename: this.file.name, size: this.data.size,
      content_type: this.file.type || "application/octet-stream", last_modified: this.data.lastModified,
    });
    this.uploadId = created.upload_id;
    this.partSize = created.part_size;
    this.uppy.setFileState(this.file.id, { s3Multipart: { uploadId: created.upload_id, key: created.key } });
    this.uppy.emit("evidence:created", this.file, created);
  }

  // Only parts whose stored digest is that of the same slice of this file: another file never reuses them.
  async keepStoredParts() {
    const listed = await patiently(() => call("GET", `/uploads/${this.uploadId}/parts`));
    for (const part of listed.parts || []) {
      const slice = this.slice(part.part_number);
      if (!slice || slice.size !== part.size) continue;
      const digest = await sha256(slice);
      if (base64(digest) === part.sha256) this.stored.set(part.part_number, { etag: part.etag, digest, size: slice.size });
    }
  }

  slice(number) {
    const start = (number - 1) * this.partSize;
    if (start > this.data.size || (start === this.data.size && number > 1)) return null;
    return this.data.slice(start, Math.min(start + this.partSize, this.data.size));
  }

  async sendPart(number, hashing) {
    const body = this.slice(number);
    const digests = await hashing;
    const progress = (loaded) => this.progress(number, loaded);
    const etag = await signAndPut(this.uploadId, number, body, digests, progress, this.stopper.signal);
    this.loading.delete(number);
    this.stored.set(number, { etag, digest: digests.sha256, size: body.size });
    this.report();
  }

  async complete(count) {
    const numbers = Array.from({ length: count }, (_, index) => index + 1);
    const checksum = await composite(numbers.map((number) => this.stored.get(number).digest));
    const parts = numbers.map((number) => ({ part_number: number, etag: this.stored.get(number).etag }));
    const done = await patiently(() => call("POST", `/uploads/${this.uploadId}/complete`, { parts, checksum }));
    return done.file;
  }

  progress(number, loaded) {
    this.loading.set(number, loaded);
    this.report();
  }

  storedBytes() {
    return [...this.stored.values()].reduce((bytes, part) => bytes + part.size, 0);
  }

  report() {
    let bytes = this.storedBytes();
    for (const loaded of this.loading.values()) bytes += loaded;
    const file = this.uppy.getFile(this.file.id);
    if (!file) return;
    this.uppy.emit("upload-progress", file, {
      uploadStarted: file.progress.uploadStarted ?? Date.now(), bytesUploaded: Math.min(bytes, this.data.size),
      bytesTotal: this.data.size,
    });
  }
}
