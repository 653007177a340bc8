"""The evidence API as the browser uses it: start an upload, sign each part with its SHA-256 and MD5, PUT the
parts straight to the object store with Content-MD5, complete with the composite checksum, and download."""
import requests

from evidence.domain.checksums import composite, md5_b64, sha256_b64
from evidence.domain.uploads import PART_SIZE

API = "/api/evidence/v1"


def parts_of(data: bytes) -> list[bytes]:
    """As the browser cuts the file: 16 MiB parts; an empty file is one empty part."""
    return [data[i:i + PART_SIZE] for i in range(0, len(data), PART_SIZE)] or [b""]


def checksum_of(data: bytes) -> str:
    return composite([sha256_b64(p) for p in parts_of(data)])


class Browser:
    def __init__(self, client, store_host: str):
        # Presigned URLs are signed for the host the browser uses; here that is the store itself, so the
        # parts can go to it without nginx in between (nginx only strips /s3 and keeps the Host).
        self.client, self.host = client, store_host

    def call(self, method: str, path: str, headers: dict, json=None):
        return self.client.open(API + path, method=method, json=json,
                                headers={**headers, "X-Forwarded-Host": self.host})

    def start(self, headers: dict, data: bytes, candidate: str | None = "0001", filename: str = "portfolio.pdf",
              centre: str = "68101", unit_id: int = 3, **more):
        return self.call("POST", f"/centres/{centre}/units/{unit_id}/uploads", headers, json={
            "candidate_number": candidate, "filename": filename, "size": len(data),
            "content_type": "application/pdf", "last_modified": 1767225600000, **more})

    def sign(self, headers: dict, upload_id: str, number: int, part: bytes, digest: str | None = None,
             md5: str | None = None):
        return self.call("POST", f"/uploads/{upload_id}/parts/{number}", headers, json={
            "sha256": digest or sha256_b64(part), "md5": md5 or md5_b64(part)})

    def put(self, url: str, part: bytes, content_md5: str | None = None) -> requests.Response:
        """The part's PUT with its Content-MD5 (by default the MD5 of the bytes sent)."""
        assert url.startswith("/s3/")
        return requests.put(f"http://{self.host}{url.removeprefix('/s3')}", data=part, timeout=60,
                            headers={"Content-MD5": content_md5 or md5_b64(part)})

    def send_parts(self, headers: dict, upload_id: str, data: bytes, numbers) -> dict[int, str]:
        """PUT these parts of `data`; the ETag of each, as the browser reads it from the store's answer."""
        etags = {}
        for number in numbers:
            part = parts_of(data)[number - 1]
            signed = self.sign(headers, upload_id, number, part)
            assert signed.status_code == 200, signed.json
            stored = self.put(signed.json["url"], part)
            assert stored.status_code == 200, stored.text
            etags[number] = stored.headers["ETag"]
        return etags

    def complete(self, headers: dict, upload_id: str, etags: dict[int, str], checksum: str):
        return self.call("POST", f"/uploads/{upload_id}/complete", headers, json={
            "parts": [{"part_number": n, "etag": e} for n, e in sorted(etags.items())], "checksum": checksum})

    def upload(self, headers: dict, data: bytes, **start) -> dict:
        """The whole upload; the file as the service lists it."""
        started = self.start(headers, data, **start)
        assert started.status_code == 201, started.json
        upload_id = started.json["upload_id"]
        etags = self.send_parts(headers, upload_id, data, range(1, started.json["parts_count"] + 1))
        completed = self.complete(headers, upload_id, etags, checksum_of(data))
        assert completed.status_code == 201, completed.json
        return completed.json["file"]

    def download(self, headers: dict, download_url: str) -> requests.Response:
        """Follow the service's 303 to the store, as the browser does."""
        redirected = self.client.get(download_url, headers={**headers, "X-Forwarded-Host": self.host})
        assert redirected.status_code == 303, redirected.json
        location = redirected.headers["Location"]
        assert location.startswith("/s3/")
        return requests.get(f"http://{self.host}{location.removeprefix('/s3')}", timeout=60)
