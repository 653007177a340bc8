"""The object store (S3: SeaweedFS here, MinIO or any S3 in production) behind one small adapter.

The minio SDK has no public call for multipart uploads part by part; its own code uses the private
`_create_multipart_upload`, `_list_parts`, `_complete_multipart_upload` and `_abort_multipart_upload`, and
nothing outside this module touches them. No file byte passes through here: the browser PUTs parts and
GETs files under URLs presigned for the host it uses, which nginx's /s3/ location forwards unchanged.
"""
import re
from contextlib import contextmanager
from datetime import timedelta
from functools import lru_cache
from urllib.parse import quote, urlsplit

import urllib3
from minio import Minio
from minio.datatypes import Part
from minio.error import MinioException, S3Error

from ..domain.errors import StorageUnavailable, ValidationFailed
from ..domain.uploads import StoredPart

BROWSER_PREFIX = "/s3"
PART_URL_EXPIRES = timedelta(hours=1)
DOWNLOAD_URL_EXPIRES = timedelta(minutes=5)
HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")
GONE = ("NoSuchUpload", "NoSuchKey")


class ObjectStore:
    def __init__(self, endpoint: str, access_key: str, secret_key: str, bucket: str, region: str = "us-east-1",
                 secure: bool = False):
        self.bucket, self.region = bucket, region
        self._keys = (access_key, secret_key)
        # Fewer, shorter retries than the SDK's default, so a store that is down answers within seconds.
        http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=5, read=120), maxsize=10,
                                   retries=urllib3.Retry(total=2, backoff_factor=0.2,
                                                         status_forcelist=[500, 502, 503, 504]))
        self._client = Minio(endpoint, access_key, secret_key, secure=secure, region=region, http_client=http)

    def create_upload(self, key: str, content_type: str) -> str:
        with _storage():
            return self._client._create_multipart_upload(self.bucket, key, {"Content-Type": content_type})

    def list_parts(self, key: str, upload_id: str) -> list[StoredPart] | None:
        """The parts stored so far; None if the store no longer knows the upload."""
        parts, marker = [], None
        with _storage(gone_is_none=True):
            while True:
                listed = self._client._list_parts(self.bucket, key, upload_id, part_number_marker=marker)
                parts += [StoredPart(p.part_number, p.size or 0, p.etag) for p in listed.parts]
                if not listed.is_truncated:
                    return parts
                marker = listed.next_part_number_marker
        return None

    def complete(self, key: str, upload_id: str, parts: list[StoredPart]) -> bool:
        """False if the store no longer knows the upload (joined already, or aborted)."""
        with _storage(gone_is_none=True):
            self._client._complete_multipart_upload(self.bucket, key, upload_id,
                                                    [Part(p.part_number, p.etag) for p in parts])
            return True
        return False

    def abort(self, key: str, upload_id: str) -> None:
        with _storage(gone_is_none=True):
            self._client._abort_multipart_upload(self.bucket, key, upload_id)

    def discard(self, key: str, upload_id: str) -> None:
        """Whatever an upload left: its parts, and the object if the parts were joined but never recorded."""
        self.abort(key, upload_id)
        self.remove(key)

    def size_of(self, key: str) -> int | None:
        found = self.stat(key)
        return found[0] if found else None

    def stat(self, key: str) -> tuple[int, str] | None:
        """(size, ETag) of the object at `key`, None if there is none."""
        with _storage(gone_is_none=True):
            found = self._client.stat_object(self.bucket, key)
            return found.size, found.etag or ""
        return None

    def remove(self, key: str) -> None:
        with _storage(gone_is_none=True):
            self._client.remove_object(self.bucket, key)

    def ensure_bucket(self) -> bool:
        """Create the bucket if it is missing; True if it was created."""
        with _storage():
            if self._client.bucket_exists(self.bucket):
                return False
            self._client.make_bucket(self.bucket)
            return True

    def part_url(self, browser_host: str, secure: bool, key: str, upload_id: str, part_number: int) -> str:
        """A same-origin path for the browser's PUT of one part, which it sends with the part's Content-MD5.
        No x-amz-checksum-sha256 in the URL: S3 and MinIO ignore it in presigned URLs, and SeaweedFS, which
        checks it, spends a tenth more CPU on each part for a check the MD5 already makes."""
        return self._presign(browser_host, secure, "PUT", key, PART_URL_EXPIRES,
                             {"partNumber": str(part_number), "uploadId": upload_id})

    def download_url(self, browser_host: str, secure: bool, key: str, filename: str) -> str:
        """A same-origin path that serves the file as an attachment under its original name, as bytes to save
        (never a type the browser would render on our origin)."""
        disposition = f"attachment; filename*=UTF-8''{quote(filename, safe='')}"
        return self._presign(browser_host, secure, "GET", key, DOWNLOAD_URL_EXPIRES,
                             {"response-content-disposition": disposition,
                              "response-content-type": "application/octet-stream"})

    def _presign(self, browser_host: str, secure: bool, method: str, key: str, expires: timedelta,
                 query: dict) -> str:
        try:
            if not HOST.match(browser_host or ""):
                raise ValueError(browser_host)
            signer = _signer(browser_host, secure, *self._keys, self.region)
        except ValueError as error:
            raise ValidationFailed("The address this page was opened at is not valid.") from error
        url = urlsplit(signer.get_presigned_url(method, self.bucket, key, expires, extra_query_params=query))
        return f"{BROWSER_PREFIX}{url.path}?{url.query}"


@lru_cache(maxsize=32)
def _signer(host: str, secure: bool, access_key: str, secret_key: str, region: str) -> Minio:
    """A client for the host the browser uses: only signs (the region is set, so it calls nothing)."""
    return Minio(host, access_key, secret_key, secure=secure, region=region)


@contextmanager
def _storage(gone_is_none: bool = False):
    """Store failures become StorageUnavailable; with gone_is_none, a missing upload or object ends the
    block quietly (the caller returns None)."""
    try:
        yield
    except S3Error as error:
        if not (gone_is_none and error.code in GONE):
            raise StorageUnavailable() from error
    except (MinioException, urllib3.exceptions.HTTPError, OSError) as error:
        raise StorageUnavailable() from error
