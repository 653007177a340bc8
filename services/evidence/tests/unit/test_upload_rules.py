"""The rules of an upload: size, name, parts, the digests signed and the checks on completion."""
import base64
import hashlib
from datetime import datetime, timezone

import pytest

from evidence.domain.checksums import composite, decode_digest, decode_md5, md5_b64, sha256_b64
from evidence.domain.errors import (BadPartNumber, ChecksumMismatch, FilenameRequired, FileTooLarge, PartsMissing,
                                    SizeMismatch, ValidationFailed)
from evidence.domain.uploads import (MAX_FILE_SIZE, PART_SIZE, StoredPart, UploadSession, check_size,
                                     clean_content_type, clean_filename, parts_count)

GIB = 1024 ** 3


def test_a_file_of_exactly_1_gib_is_taken_and_one_byte_more_is_refused():
    assert MAX_FILE_SIZE == GIB == 1073741824
    check_size(GIB)
    with pytest.raises(FileTooLarge, match="maximum of 1GB"):
        check_size(GIB + 1)


@pytest.mark.parametrize("size,parts", [(0, 1), (1, 1), (PART_SIZE, 1), (PART_SIZE + 1, 2), (GIB, 64)])
def test_the_file_is_cut_into_16_mib_parts_and_an_empty_file_is_one_empty_part(size, parts):
    assert PART_SIZE == 16 * 1024 * 1024
    assert parts_count(size) == parts


@pytest.mark.parametrize("given,kept", [
    ("C:\\fakepath\\Portfolio 3 (final).docx", "Portfolio 3 (final).docx"),
    ("folder/sub/recording.mp3", "recording.mp3"),
    ("  spaced  name .pdf", "  spaced  name .pdf"),
    ("Côté – traethawd.odt", "Côté – traethawd.odt"),
    ("line\nbreak\x00.txt", "linebreak.txt"),
])
def test_the_filename_is_kept_as_given_without_folders_or_control_characters(given, kept):
    assert clean_filename(given) == kept


@pytest.mark.parametrize("given", ["", "   ", "folder/", "C:\\fakepath\\", "..", "."])
def test_a_file_without_a_name_is_refused(given):
    with pytest.raises(FilenameRequired):
        clean_filename(given)


@pytest.mark.parametrize("given,kept", [("application/pdf", "application/pdf"), ("", "application/octet-stream"),
                                        (None, "application/octet-stream"), ("text/plain; charset=utf-8",
                                                                             "text/plain; charset=utf-8"),
                                        ("text/html\r\nX-Evil: 1", "application/octet-stream")])
def test_the_content_type_is_kept_only_when_it_is_one(given, kept):
    assert clean_content_type(given) == kept


def test_the_composite_checksum_is_the_sha256_of_the_parts_digests_with_their_count():
    parts = [b"a" * 10, b"b" * 7, b""]
    joined = b"".join(hashlib.sha256(p).digest() for p in parts)
    expected = base64.b64encode(hashlib.sha256(joined).digest()).decode() + "-3"
    assert composite([sha256_b64(p) for p in parts]) == expected
    assert composite([sha256_b64(b"")]).endswith("-1")


@pytest.mark.parametrize("text", ["not base64!", base64.b64encode(b"short").decode(), "", md5_b64(b"x")])
def test_a_digest_that_is_not_a_base64_sha256_is_refused(text):
    with pytest.raises(ValidationFailed):
        decode_digest(text)


@pytest.mark.parametrize("text", ["not base64!", "", sha256_b64(b"x")])
def test_an_md5_that_is_not_a_base64_md5_is_refused(text):
    with pytest.raises(ValidationFailed):
        decode_md5(text)


def upload(size: int, digests: dict | None = None, md5s: dict | None = None) -> UploadSession:
    return UploadSession(id="u-1", centre="68101", unit_id=3, candidate_number="0001", filename="a.bin", size=size,
                         content_type="application/octet-stream", last_modified=None, key="evidence/68101/3/k",
                         s3_upload_id="s3-1", created_by="t-1", created_by_name="Tomos Jones",
                         created_at=datetime(2027, 5, 1, tzinfo=timezone.utc), digests=digests or {},
                         md5s=md5s or {})


def test_a_part_signed_again_must_carry_the_same_digests():
    session = upload(PART_SIZE * 2, {1: sha256_b64(b"one")}, {1: md5_b64(b"one")})
    assert session.check_digest(1, sha256_b64(b"one"), md5_b64(b"one")) is False  # already recorded: nothing new
    assert session.check_digest(2, sha256_b64(b"two"), md5_b64(b"two")) is True
    for sha256, md5 in ((b"other", b"one"), (b"one", b"other")):
        with pytest.raises(ChecksumMismatch, match="file has changed"):
            session.check_digest(1, sha256_b64(sha256), md5_b64(md5))


@pytest.mark.parametrize("number", [0, 3, 65])
def test_a_part_number_outside_the_file_is_refused(number):
    with pytest.raises(BadPartNumber):
        upload(PART_SIZE * 2).check_digest(number, sha256_b64(b"x"), md5_b64(b"x"))


def completed(size: int, sizes: list[int]):
    """An upload of `size` with parts of `sizes` stored and signed: (session, stored parts, claimed, checksum).
    Part n's bytes are n repeated; each stored ETag is the hex MD5 of them, as S3 gives it."""
    data = {n: bytes([n]) * s for n, s in enumerate(sizes, start=1)}
    digests = {n: sha256_b64(part) for n, part in data.items()}
    stored = [StoredPart(n, len(part), f'"{hashlib.md5(part).hexdigest()}"') for n, part in data.items()]
    claimed = {p.part_number: p.etag for p in stored}
    session = upload(size, digests, {n: md5_b64(part) for n, part in data.items()})
    return session, stored, claimed, composite([digests[n] for n in sorted(digests)])


def test_complete_gives_the_parts_in_order_when_every_check_passes():
    session, stored, claimed, checksum = completed(PART_SIZE + 5, [PART_SIZE, 5])
    assert session.check_complete(list(reversed(stored)), claimed, checksum) == stored


def test_complete_refuses_while_a_part_is_missing():
    session, stored, claimed, checksum = completed(PART_SIZE + 5, [PART_SIZE, 5])
    with pytest.raises(PartsMissing):
        session.check_complete(stored[:1], claimed, checksum)
    with pytest.raises(PartsMissing):
        session.check_complete(stored, {1: claimed[1]}, checksum)


def test_complete_refuses_parts_that_do_not_add_up_to_the_size_declared():
    session, stored, claimed, checksum = completed(PART_SIZE + 5, [PART_SIZE, 6])
    with pytest.raises(SizeMismatch):
        session.check_complete(stored, claimed, checksum)


def test_complete_refuses_a_checksum_that_is_not_the_composite_of_the_digests_signed():
    session, stored, claimed, checksum = completed(PART_SIZE + 5, [PART_SIZE, 5])
    with pytest.raises(ChecksumMismatch):
        session.check_complete(stored, claimed, composite([sha256_b64(b"x"), sha256_b64(b"y")]))
    with pytest.raises(ChecksumMismatch):
        session.check_complete(stored, {**claimed, 2: "another-etag"}, checksum)


def test_complete_refuses_a_part_whose_etag_is_not_the_md5_signed_even_when_the_browser_claims_it():
    session, stored, claimed, checksum = completed(PART_SIZE + 5, [PART_SIZE, 5])
    stored[1] = StoredPart(2, 5, f'"{hashlib.md5(b"other").hexdigest()}"')
    with pytest.raises(ChecksumMismatch):
        session.check_complete(stored, {**claimed, 2: stored[1].etag}, checksum)


def test_complete_refuses_a_part_signed_without_an_md5():
    session, stored, claimed, checksum = completed(PART_SIZE + 5, [PART_SIZE, 5])
    session.md5s[2] = None  # signed before MD5s were recorded
    with pytest.raises(ChecksumMismatch):
        session.check_complete(stored, claimed, checksum)
