// Uppy's uploader plugin for the evidence API (built from the bundle's Uppy.BasePlugin): each file of an
// Uppy upload becomes a FileUpload, its progress Uppy's upload-progress, its end upload-success or -error.
import { FileUpload, SPOILED } from "./evidence_file_upload.js";

// After these the upload is no more (discarded, or gone from the store): nothing is left to continue.
const GONE = new Set([...SPOILED, "CANCELLED", "UPLOAD_NOT_FOUND"]);
export const uploadGone = (failure) => GONE.has(failure?.code);

export const uploaderOf = (BasePlugin) => class EvidenceUploader extends BasePlugin {
  constructor(uppy, options) {
    super(uppy, options);
    this.id = "EvidenceUploader";
    this.type = "uploader";
    this.running = new Map();
  }

  install() {
    this.uppy.addUploader(this.upload);
    this.uppy.on("file-removed", this.stopRemoved);
  }

  uninstall() {
    this.uppy.removeUploader(this.upload);
    this.uppy.off("file-removed", this.stopRemoved);
  }

  stopRemoved = (file) => this.running.get(file.id)?.stop();

  // The person cancelled: the file leaves Uppy, and its upload is discarded once its parts have stopped.
  // False when it had not started: there is nothing running to discard it.
  cancel(fileId) {
    const running = this.running.get(fileId);
    running?.cancel();
    this.uppy.removeFile(fileId);
    return Boolean(running);
  }

  upload = async (fileIDs) => {
    const files = fileIDs.map((id) => this.uppy.getFile(id)).filter(Boolean);
    this.uppy.emit("upload-start", files);
    await Promise.allSettled(files.map((file) => this.uploadOne(file)));
  };

  async uploadOne(file) {
    const upload = new FileUpload(this.uppy, file, this.opts.unitPath);
    this.running.set(file.id, upload);
    try {
      const stored = await upload.run();
      const still = this.uppy.getFile(file.id);
      if (still) this.uppy.emit("upload-success", still, { status: 201, body: stored, uploadURL: stored?.download_url });
    } catch (failure) {
      const still = this.uppy.getFile(file.id); // a file taken out of Uppy meanwhile needs no message
      if (still) this.uppy.emit("upload-error", still, failure);
    } finally {
      this.running.delete(file.id);
    }
  }
};
