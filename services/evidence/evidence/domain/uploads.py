"""An upload in progress: the browser sends the file to object storage in fixed-size parts. Each part is
signed with its SHA-256 and MD5; the browser sends the MD5 as Content-MD5 (not a signed header: a first,
best-effort check by the store).

Completing checks what the store holds against what was signed: every part present and the right size, each
part's ETag (the MD5 the store computed from the bytes it holds) equal to the MD5 signed, and the composite
of the SHA-256 digests signed equal to the browser's. That comparison is the guarantee, and it needs ETags that
are plain MD5s: a bucket with SSE-KMS or SSE-C would fail every completion. A part's digests are fixed once
signed: a part the browser signs again must be the same bytes, or a different file is being mixed in.
An upload with no part signed for UPLOAD_EXPIRY_DAYS is abandoned: its stored parts are removed.
"""
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .checksums import composite, decode_digest, decode_md5, joined_etag, md5_etag, md5_matches_etag
from .errors import (BadPartNumber, ChecksumMismatch, FilenameRequired, FileTooLarge, PartsMissing,
                     SizeMismatch, UploadNotFound)
from .text import readable_name

MIB = 1024 * 1024
PART_SIZE = 16 * MIB
MAX_FILE_SIZE = 1024 * MIB  # 1 GiB, the guide's "maximum of 1GB" per file
DEFAULT_CONTENT_TYPE = "application/octet-stream"
CONTENT_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(;[ -~]*)?$")
UPLOAD_EXPIRY_DAYS = 7  # the default; the worker reads UPLOAD_EXPIRY_DAYS from the environment


@dataclass(frozen=True)
class StoredPart:
    """A part as the object store lists it."""
    part_number: int
    size: int
    etag: str


def clean_filename(given: str) -> str:
    """The name as the browser gave it, less any folder part some browsers send ("C:\\fakepath\\a.doc")
    and the characters readable_name removes; it is shown and offered on download, never used as a storage key."""
    name = readable_name(re.split(r"[\\/]", given or "")[-1])
    if not name.strip() or name in (".", ".."):
        raise FilenameRequired()
    return name


def clean_content_type(given: str | None) -> str:
    given = (given or "").strip()
    return given if len(given) <= 255 and CONTENT_TYPE.match(given) else DEFAULT_CONTENT_TYPE


def check_size(size: int) -> None:
    if size > MAX_FILE_SIZE:
        raise FileTooLarge()


def expired_before(now: datetime, keep_for: timedelta) -> datetime:
    """Unfinished uploads last active (started, or a part signed) at or before this moment are abandoned."""
    return now - keep_for


def parts_count(size: int, part_size: int = PART_SIZE) -> int:
    """A 0-byte file is one empty part."""
    return max(1, math.ceil(size / part_size))


@dataclass
class UploadSession:
    id: str
    centre: str
    unit_id: int
    candidate_number: str | None  # None: the unit's group upload
    filename: str
    size: int
    content_type: str
    last_modified: int | None  # the browser's File.lastModified (ms), to recognise the file on resume
    key: str
    s3_upload_id: str
    created_by: str
    created_by_name: str
    created_at: datetime
    part_size: int = PART_SIZE
    digests: dict[int, str] = field(default_factory=dict)  # part number -> base64 SHA-256 signed
    md5s: dict[int, str | None] = field(default_factory=dict)  # part number -> base64 MD5 signed
    last_activity_at: datetime | None = None  # started, or a part last signed; None: created_at

    def __post_init__(self):
        if self.last_activity_at is None:
            self.last_activity_at = self.created_at

    @property
    def parts_count(self) -> int:
        return parts_count(self.size, self.part_size)

    def expected_size(self, part_number: int) -> int:
        if part_number < self.parts_count:
            return self.part_size
        return self.size - self.part_size * (self.parts_count - 1)

    def check_part_number(self, part_number: int) -> None:
        if not 1 <= part_number <= self.parts_count:
            raise BadPartNumber(f"This file has parts 1 to {self.parts_count}; there is no part {part_number}.")

    def check_digest(self, part_number: int, sha256: str, md5: str) -> bool:
        """Whether the digests are new for this part (to be recorded); the same ones again are fine."""
        self.check_part_number(part_number)
        decode_digest(sha256)
        decode_md5(md5)
        if part_number not in self.digests:
            return True
        if (self.digests[part_number], self.md5s.get(part_number)) != (sha256, md5):
            raise ChecksumMismatch("This part is not the same as the one uploaded before: the file has changed "
                                   "since the upload started. Cancel it and upload the file again.")
        return False

    def check_complete(self, stored: list[StoredPart], claimed: dict[int, str], checksum: str) -> list[StoredPart]:
        """The stored parts to join, once they are all there, the right sizes and the checksum agrees.
        `claimed`: part number -> ETag, as the browser saw each part stored."""
        wanted = range(1, self.parts_count + 1)
        by_number = {p.part_number: p for p in stored}
        if set(claimed) != set(wanted) or any(n not in by_number for n in wanted):
            raise PartsMissing()
        parts = [by_number[n] for n in wanted]
        if any(claimed[p.part_number].strip('"') != p.etag.strip('"') for p in parts):
            raise ChecksumMismatch()
        # The store's own word on the bytes it holds; a part signed before MD5s were recorded has none to match.
        if any(not self.md5s.get(p.part_number) or not md5_matches_etag(self.md5s[p.part_number], p.etag)
               for p in parts):
            raise ChecksumMismatch()
        if any(p.size != self.expected_size(p.part_number) for p in parts):
            raise SizeMismatch()
        self.check_checksum(checksum)
        return parts

    def signed_parts(self) -> list[StoredPart] | None:
        """Every part as the store held it when it joined them (each checked against its MD5 first);
        None unless every part was signed with an MD5."""
        wanted = range(1, self.parts_count + 1)
        if any(not self.md5s.get(n) for n in wanted):
            return None
        return [StoredPart(n, self.expected_size(n), md5_etag(self.md5s[n])) for n in wanted]

    def check_joined(self, size: int | None, etag: str | None, checksum: str) -> None:
        """An object the store already joined (a completion cut short after the store's part) is this upload's
        only if its size and its ETag, which the store computed from the parts it joined, are what the MD5s
        signed for every part give, and the browser's checksum is the composite of the signed SHA-256s."""
        wanted = range(1, self.parts_count + 1)
        if any(not self.md5s.get(n) for n in wanted) or size != self.size or etag is None:
            raise UploadNotFound()
        if etag.strip('"').lower() != joined_etag([self.md5s[n] for n in wanted]):
            raise UploadNotFound()
        self.check_checksum(checksum)

    def check_checksum(self, checksum: str) -> None:
        """The whole file's checksum must be the composite of the SHA-256 digests signed for its parts."""
        wanted = range(1, self.parts_count + 1)
        if any(n not in self.digests for n in wanted) or composite([self.digests[n] for n in wanted]) != checksum:
            raise ChecksumMismatch()
