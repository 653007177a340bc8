"""Part digests as the browser sends them (base64): SHA-256, and the whole file's "composite" checksum;
MD5, which every S3 checks (Content-MD5) and reports back as the part's ETag.

The composite is what S3 calls a checksum of checksums: base64(SHA-256(d1 || d2 || ... || dN)) + "-N",
where di is the raw 32-byte SHA-256 of part i. The browser computes it from the parts it read; the
service recomputes it from the digests it signed, so neither side has to read the file twice.
"""
import base64
import binascii
import hashlib

from .errors import ValidationFailed

DIGEST_BYTES = 32
MD5_BYTES = 16


def decode_digest(text: str) -> bytes:
    raw = _base64(text)
    if len(raw) != DIGEST_BYTES:
        raise ValidationFailed("sha256 must be the base64 of a part's SHA-256 digest (32 bytes).")
    return raw


def decode_md5(text: str) -> bytes:
    raw = _base64(text)
    if len(raw) != MD5_BYTES:
        raise ValidationFailed("md5 must be the base64 of a part's MD5 digest (16 bytes).")
    return raw


def md5_etag(md5: str) -> str:
    """A part's ETag as S3 gives it: the hex MD5 of the bytes it holds, in quotes."""
    return f'"{decode_md5(md5).hex()}"'


def joined_etag(md5s: list[str]) -> str:
    """The ETag S3 gives an object joined from parts: the hex MD5 of the parts' raw MD5s, then "-" and their count."""
    joined = b"".join(decode_md5(md5) for md5 in md5s)
    return f"{hashlib.md5(joined).hexdigest()}-{len(md5s)}"


def md5_matches_etag(md5: str, etag: str) -> bool:
    return md5_etag(md5).strip('"') == etag.strip('"').lower()


def encode_digest(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def sha256_b64(data: bytes) -> str:
    return encode_digest(hashlib.sha256(data).digest())


def md5_b64(data: bytes) -> str:
    return encode_digest(hashlib.md5(data, usedforsecurity=False).digest())


def composite(part_digests: list[str]) -> str:
    """From the parts' base64 digests, in part order."""
    joined = b"".join(decode_digest(d) for d in part_digests)
    return f"{encode_digest(hashlib.sha256(joined).digest())}-{len(part_digests)}"


def _base64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return b""
