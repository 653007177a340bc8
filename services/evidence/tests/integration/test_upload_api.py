"""A file's way in and out: started, signed part by part, PUT straight to SeaweedFS, checked, listed,
downloaded as an attachment with its original name, deleted; and the upload cut half way and resumed."""
import hashlib
import os
from urllib.parse import quote

from evidence.domain.checksums import composite, sha256_b64
from evidence.domain.uploads import PART_SIZE

from .uploading import checksum_of, parts_of

NAME = "Côté – Portfolio (final).pdf"


def test_a_file_uploaded_for_a_sampled_candidate_is_listed_downloaded_and_deleted(browser, teacher, submitted_unit,
                                                                                   store):
    data = os.urandom(PART_SIZE + 1234)
    started = browser.start(teacher, data, filename=f"C:\\fakepath\\{NAME}")
    assert started.status_code == 201
    assert started.json["part_size"] == PART_SIZE and started.json["parts_count"] == 2
    assert started.json["key"].startswith("evidence/68101/3/") and "Portfolio" not in started.json["key"]

    etags = browser.send_parts(teacher, started.json["upload_id"], data, [1, 2])
    completed = browser.complete(teacher, started.json["upload_id"], etags, checksum_of(data))
    assert completed.status_code == 201
    file = completed.json["file"]
    assert (file["candidate_number"], file["filename"], file["size"], file["content_type"], file["uploaded_by"]) == (
        "0001", NAME, len(data), "application/pdf", "Tomos Jones")

    listing = browser.call("GET", "/centres/68101/units/3/evidence", teacher).json
    assert listing["files"] == [file] and listing["uploads"] == []
    assert (listing["can_upload"], listing["can_delete"]) == (True, True)
    assert listing["sample"] == [
        {"candidate_number": "0001", "reason": "highest", "work_missing": False, "substitute_for": None,
         "note_to_moderator": None},
        {"candidate_number": "0003", "reason": "lowest", "work_missing": False, "substitute_for": None,
         "note_to_moderator": None}]

    downloaded = browser.download(teacher, file["download_url"])
    assert downloaded.status_code == 200 and downloaded.content == data
    assert downloaded.headers["Content-Disposition"] == f"attachment; filename*=UTF-8''{quote(NAME, safe='')}"
    assert downloaded.headers["Content-Type"] == "application/octet-stream"  # uploaded as application/pdf
    assert store.keys() == [started.json["key"]]

    assert browser.call("DELETE", f"/files/{file['file_id']}", teacher).status_code == 204
    assert browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["files"] == []
    assert store.keys() == []


def test_an_empty_file_is_one_empty_part(browser, teacher, submitted_unit, store):
    file = browser.upload(teacher, b"", filename="empty.txt")
    assert file["size"] == 0
    assert store.read(store.keys()[0]) == b""


def test_several_files_for_one_candidate_and_the_unit_group_upload(browser, teacher, deliver, store):
    from .others_events import sample, submitted
    deliver(submitted(group_upload=True), sample(1, {"0001": "highest"}))
    first = browser.upload(teacher, b"first file", filename="a.txt")
    second = browser.upload(teacher, b"second file", filename="b.txt")
    group = browser.upload(teacher, b"the unit's own", candidate=None, filename="cover sheets.zip")
    listed = browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["files"]
    assert [(f["candidate_number"], f["filename"]) for f in listed] == [
        ("0001", "a.txt"), ("0001", "b.txt"), (None, "cover sheets.zip")]
    assert {first["file_id"], second["file_id"], group["file_id"]} == {f["file_id"] for f in listed}
    assert len(store.keys()) == 3


def test_a_completion_with_a_wrong_checksum_is_refused_and_nothing_remains(browser, teacher, submitted_unit, store):
    data = b"work of candidate 0001"
    started = browser.start(teacher, data).json
    etags = browser.send_parts(teacher, started["upload_id"], data, [1])
    wrong = composite([sha256_b64(b"something else")])
    refused = browser.complete(teacher, started["upload_id"], etags, wrong)
    assert refused.status_code == 422 and refused.json["code"] == "CHECKSUM_MISMATCH"
    listing = browser.call("GET", "/centres/68101/units/3/evidence", teacher).json
    assert listing["files"] == [] and listing["uploads"] == []
    assert store.keys() == [] and store.unfinished() == []
    assert browser.complete(teacher, started["upload_id"], etags, checksum_of(data)).json["code"] == "UPLOAD_NOT_FOUND"


def test_an_upload_cut_half_way_resumes_from_the_stored_parts_to_a_byte_identical_object(browser, teacher,
                                                                                         submitted_unit, store):
    data = os.urandom(3 * PART_SIZE + 4321)
    started = browser.start(teacher, data, filename="recording.mp4").json
    assert started["parts_count"] == 4
    browser.send_parts(teacher, started["upload_id"], data, [1, 2])  # the connection drops here

    # After a reload: the unfinished upload is listed, and the store says which parts it holds.
    [unfinished] = browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["uploads"]
    assert (unfinished["upload_id"], unfinished["filename"], unfinished["size"], unfinished["last_modified"]) == (
        started["upload_id"], "recording.mp4", len(data), 1767225600000)
    early = browser.complete(teacher, started["upload_id"], {}, checksum_of(data))
    assert early.status_code == 422 and early.json["code"] == "PARTS_MISSING"
    stored = browser.call("GET", f"/uploads/{started['upload_id']}/parts", teacher).json["parts"]
    assert [(p["part_number"], p["size"], p["sha256"]) for p in stored] == [
        (n, PART_SIZE, sha256_b64(parts_of(data)[n - 1])) for n in (1, 2)]

    etags = {p["part_number"]: p["etag"] for p in stored}
    etags.update(browser.send_parts(teacher, started["upload_id"], data, [3, 4]))
    completed = browser.complete(teacher, started["upload_id"], etags, checksum_of(data))
    assert completed.status_code == 201
    assert hashlib.sha256(store.read(started["key"])).hexdigest() == hashlib.sha256(data).hexdigest()
    again = browser.complete(teacher, started["upload_id"], etags, checksum_of(data))
    assert (again.status_code, again.json["file"]) == (201, completed.json["file"])  # a retried completion


def test_a_cancelled_upload_leaves_nothing(browser, teacher, submitted_unit, store):
    data = b"half a file"
    started = browser.start(teacher, data).json
    browser.send_parts(teacher, started["upload_id"], data, [1])
    assert browser.call("DELETE", f"/uploads/{started['upload_id']}", teacher).status_code == 204
    assert browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["uploads"] == []
    assert store.unfinished() == [] and store.keys() == []
