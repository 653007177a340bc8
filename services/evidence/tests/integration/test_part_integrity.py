"""Part integrity on any S3: the store refuses a part whose bytes differ from its Content-MD5, and completion
compares each part's ETag, the MD5 the store computed from the bytes it holds, with the MD5 signed, so a part
that reached the store another way (without Content-MD5) is caught too."""
import hashlib

from sqlalchemy import select

from evidence.adapters import orm
from evidence.domain.checksums import md5_b64, sha256_b64

from .uploading import checksum_of

EVIDENCE = "/centres/68101/units/3/evidence"


def test_a_part_whose_bytes_differ_from_the_digests_signed_is_refused_by_the_store(browser, teacher, submitted_unit):
    started = browser.start(teacher, b"the real bytes").json
    signed = browser.sign(teacher, started["upload_id"], 1, b"the real bytes").json
    tampered = browser.put(signed["url"], b"other bytes!!!", content_md5=md5_b64(b"the real bytes"))
    assert tampered.status_code == 400 and "BadDigest" in tampered.text
    assert browser.put(signed["url"], b"the real bytes").status_code == 200


def test_a_wrong_content_md5_is_refused_by_the_store(browser, teacher, submitted_unit):
    started = browser.start(teacher, b"the real bytes").json
    signed = browser.sign(teacher, started["upload_id"], 1, b"the real bytes").json
    refused = browser.put(signed["url"], b"the real bytes", content_md5=md5_b64(b"other bytes"))
    assert refused.status_code == 400 and "BadDigest" in refused.text


def test_a_part_stored_with_other_bytes_than_its_md5_signed_is_caught_by_its_etag_and_nothing_is_kept(
        browser, teacher, submitted_unit, engine, store):
    data, other = b"the work signed for", b"a different work!!"
    started = browser.start(teacher, data).json
    assert browser.sign(teacher, started["upload_id"], 1, data).status_code == 200
    # The part arrives without Content-MD5: only the ETag can tell.
    with engine.connect() as conn:
        t = orm.upload_sessions
        s3_upload_id = conn.execute(select(t.c.s3_upload_id).where(t.c.id == started["upload_id"])).scalar_one()
    etag = store.client._upload_part(store.bucket, started["key"], other, None, s3_upload_id, 1)
    assert etag.strip('"') == hashlib.md5(other).hexdigest()

    refused = browser.complete(teacher, started["upload_id"], {1: etag}, checksum_of(data))
    assert refused.status_code == 422 and refused.json["code"] == "CHECKSUM_MISMATCH"
    listing = browser.call("GET", EVIDENCE, teacher).json
    assert listing["files"] == [] and listing["uploads"] == []
    assert store.keys() == [] and store.unfinished() == []


def test_a_part_signed_again_with_another_digest_is_refused(browser, teacher, submitted_unit):
    started = browser.start(teacher, b"version one").json
    assert browser.sign(teacher, started["upload_id"], 1, b"version one").status_code == 200
    assert browser.sign(teacher, started["upload_id"], 1, b"version one").status_code == 200
    for changed in (browser.sign(teacher, started["upload_id"], 1, b"version two"),
                    browser.sign(teacher, started["upload_id"], 1, b"version one", md5=md5_b64(b"version two")),
                    browser.sign(teacher, started["upload_id"], 1, b"version one", digest=sha256_b64(b"two"))):
        assert changed.status_code == 422 and changed.json["code"] == "CHECKSUM_MISMATCH"


def test_a_part_is_signed_only_with_both_digests(browser, teacher, submitted_unit):
    upload_id = browser.start(teacher, b"one part").json["upload_id"]
    for body in ({"sha256": sha256_b64(b"one part")}, {"sha256": sha256_b64(b"one part"), "md5": "not-an-md5"},
                 {"sha256": sha256_b64(b"one part"), "md5": sha256_b64(b"one part")}):
        refused = browser.call("POST", f"/uploads/{upload_id}/parts/1", teacher, json=body)
        assert refused.status_code == 422 and refused.json["code"] == "VALIDATION_FAILED"
