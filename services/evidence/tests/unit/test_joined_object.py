"""A completion cut short after the store joined the parts: on the retry the object already joined is this
upload's only if the store's own ETag for it is what the MD5s signed for every part give (S3's multipart ETag:
the MD5 of the parts' raw MD5s, then their count), its size is the one declared and the checksum is right."""
import hashlib

import pytest

from evidence.domain.errors import ChecksumMismatch, UploadNotFound
from evidence.domain.uploads import PART_SIZE

from .test_upload_rules import completed

SIZE = PART_SIZE + 5


def store_etag(session) -> str:
    raw = b"".join(bytes.fromhex(hashlib.md5(bytes([n]) * s).hexdigest()) for n, s in ((1, PART_SIZE), (2, 5)))
    return f'"{hashlib.md5(raw).hexdigest()}-2"'


def test_the_object_joined_from_the_signed_parts_is_accepted():
    session, _, _, checksum = completed(SIZE, [PART_SIZE, 5])
    session.check_joined(SIZE, store_etag(session), checksum)


def test_an_object_at_the_key_whose_etag_is_not_the_signed_parts_is_not_taken_for_the_file():
    session, _, _, checksum = completed(SIZE, [PART_SIZE, 5])
    with pytest.raises(UploadNotFound):
        session.check_joined(SIZE, '"0123456789abcdef0123456789abcdef-2"', checksum)


@pytest.mark.parametrize("size", [None, SIZE - 1])
def test_no_object_or_one_of_another_size_is_not_the_file(size):
    session, _, _, checksum = completed(SIZE, [PART_SIZE, 5])
    with pytest.raises(UploadNotFound):
        session.check_joined(size, store_etag(session), checksum)


def test_without_an_md5_signed_for_every_part_nothing_joined_is_accepted():
    session, _, _, checksum = completed(SIZE, [PART_SIZE, 5])
    etag = store_etag(session)
    del session.md5s[2]
    with pytest.raises(UploadNotFound):
        session.check_joined(SIZE, etag, checksum)


def test_the_right_object_with_a_wrong_checksum_is_refused():
    session, _, _, _ = completed(SIZE, [PART_SIZE, 5])
    with pytest.raises(ChecksumMismatch):
        session.check_joined(SIZE, store_etag(session), "AAAA-2")
