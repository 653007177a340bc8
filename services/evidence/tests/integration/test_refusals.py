"""What is refused, with which code, and that a refusal changes nothing."""
from datetime import datetime, timezone

import pytest

from .others_events import allocated, sample, submitted

GIB = 1024 ** 3
EVIDENCE = "/centres/68101/units/3/evidence"


def test_before_submission_the_unit_is_not_found_and_uploading_is_refused_with_the_guide_reason(browser, teacher,
                                                                                                deliver):
    assert browser.call("GET", EVIDENCE, teacher).json["code"] == "UNIT_NOT_FOUND"
    refused = browser.start(teacher, b"early")
    assert refused.status_code == 409 and refused.json["code"] == "NOT_SUBMITTED"
    assert "until marks/outcomes are submitted and samples generated" in refused.json["message"]

    deliver(submitted())  # submitted, but the sample has not arrived yet
    assert browser.start(teacher, b"early").json["code"] == "NOT_SUBMITTED"
    assert browser.call("GET", EVIDENCE, teacher).json["can_upload"] is False


def test_a_candidate_not_in_the_sample_takes_no_files(browser, teacher, submitted_unit):
    refused = browser.start(teacher, b"work", candidate="0002")
    assert refused.status_code == 409 and refused.json["code"] == "NOT_IN_SAMPLE"


def test_a_candidate_the_centre_adds_to_the_sample_takes_files_and_an_older_sample_changes_nothing(
        browser, teacher, submitted_unit, deliver):
    deliver(sample(2, {"0001": "highest", "0003": "lowest", "0002": "centre-added"}))
    deliver(sample(1, {"0001": "highest"}))  # arriving late
    assert browser.start(teacher, b"work", candidate="2").status_code == 201  # "2" is candidate 0002


def test_units_without_uploads_and_group_uploads_on_other_units_are_refused(browser, teacher, deliver):
    deliver(submitted(unit_id=4, code="3700U1", evidence_upload=False), sample(1, {"0001": "highest"}, unit_id=4))
    assert browser.start(teacher, b"x", unit_id=4).json["code"] == "NOT_AN_UPLOAD_UNIT"
    deliver(submitted(), sample(1, {"0001": "highest"}))
    refused = browser.start(teacher, b"x", candidate=None)
    assert refused.status_code == 409 and refused.json["code"] == "NOT_GROUP_UPLOAD"


def test_a_file_over_1_gib_is_refused_before_anything_is_stored(browser, teacher, submitted_unit, store):
    refused = browser.call("POST", "/centres/68101/units/3/uploads", teacher, json={
        "candidate_number": "0001", "filename": "film.mov", "size": GIB + 1})
    assert refused.status_code == 422 and refused.json["code"] == "FILE_TOO_LARGE"
    assert store.unfinished() == []
    allowed = browser.call("POST", "/centres/68101/units/3/uploads", teacher, json={
        "candidate_number": "0001", "filename": "film.mov", "size": GIB})
    assert allowed.status_code == 201 and allowed.json["parts_count"] == 64


@pytest.mark.parametrize("body,code", [
    ({"candidate_number": "0001", "filename": "", "size": 3}, "FILENAME_REQUIRED"),
    ({"candidate_number": "0001", "filename": "a.txt"}, "VALIDATION_FAILED"),
    ({"candidate_number": "0001", "filename": "a.txt", "size": -1}, "VALIDATION_FAILED"),
    ({"candidate_number": "ABCD", "filename": "a.txt", "size": 3}, "VALIDATION_FAILED"),
])
def test_a_malformed_start_is_refused_with_a_code(browser, teacher, submitted_unit, body, code):
    refused = browser.call("POST", "/centres/68101/units/3/uploads", teacher, json=body)
    assert refused.status_code == 422 and refused.json["code"] == code and refused.json["message"]


def test_part_numbers_and_digests_outside_the_file_are_refused(browser, teacher, submitted_unit):
    upload_id = browser.start(teacher, b"one part").json["upload_id"]
    assert browser.sign(teacher, upload_id, 2, b"x").json["code"] == "BAD_PART_NUMBER"
    assert browser.sign(teacher, upload_id, 1, b"", digest="not-a-digest").json["code"] == "VALIDATION_FAILED"
    assert browser.sign(teacher, "no-such-upload", 1, b"x").json["code"] == "UPLOAD_NOT_FOUND"


def test_deleting_is_allowed_through_the_deadline_day_and_refused_after(browser, teacher, submitted_unit, clock):
    first = browser.upload(teacher, b"first")
    second = browser.upload(teacher, b"second")
    clock.now = datetime(2027, 5, 15, 22, 30, tzinfo=timezone.utc)  # 23:30 on the deadline day in London
    assert browser.call("DELETE", f"/files/{first['file_id']}", teacher).status_code == 204
    clock.now = datetime(2027, 5, 15, 23, 0, tzinfo=timezone.utc)  # midnight in London
    refused = browser.call("DELETE", f"/files/{second['file_id']}", teacher)
    assert refused.status_code == 409 and refused.json["code"] == "DEADLINE_PASSED"
    listing = browser.call("GET", EVIDENCE, teacher).json
    assert [f["file_id"] for f in listing["files"]] == [second["file_id"]] and listing["can_delete"] is False
    assert browser.upload(teacher, b"a further sample")["size"] == 16  # uploading after the deadline is allowed


def test_another_centre_finds_nothing_to_read_or_change(browser, teacher, bearer, submitted_unit):
    file = browser.upload(teacher, b"ours")
    upload_id = browser.start(teacher, b"unfinished").json["upload_id"]
    other = bearer(centres=("68102",), sub="teacher-68102", email="teacher@other-centre.example")
    assert browser.call("GET", EVIDENCE, other).status_code == 404
    assert browser.start(other, b"x").json["code"] == "UNIT_NOT_FOUND"
    assert browser.sign(other, upload_id, 1, b"x").json["code"] == "UPLOAD_NOT_FOUND"
    assert browser.call("GET", f"/uploads/{upload_id}/parts", other).json["code"] == "UPLOAD_NOT_FOUND"
    assert browser.call("DELETE", f"/files/{file['file_id']}", other).json["code"] == "FILE_NOT_FOUND"
    assert browser.call("GET", f"/files/{file['file_id']}/download", other).json["code"] == "FILE_NOT_FOUND"
    assert [f["file_id"] for f in browser.call("GET", EVIDENCE, teacher).json["files"]] == [file["file_id"]]


def test_a_user_without_the_iamis_permission_is_refused(browser, bearer, submitted_unit):
    no_access = bearer(permissions=(), sub="no-access-68101")
    for response in (browser.call("GET", EVIDENCE, no_access), browser.start(no_access, b"x")):
        assert response.status_code == 403 and response.json["code"] == "PERMISSION_MISSING"


def test_board_staff_and_the_allocated_moderator_read_and_download_but_write_nothing(browser, teacher, staff,
                                                                                      moderator, bearer, deliver,
                                                                                      submitted_unit):
    file = browser.upload(teacher, b"moderate me")
    deliver(allocated("68101", "moderator@board.example"))
    for reader in (staff, moderator):
        listing = browser.call("GET", EVIDENCE, reader).json
        assert [f["file_id"] for f in listing["files"]] == [file["file_id"]]
        assert (listing["can_upload"], listing["can_delete"], listing["uploads"]) == (False, False, [])
        assert browser.download(reader, file["download_url"]).content == b"moderate me"
        for refused in (browser.start(reader, b"x"), browser.call("DELETE", f"/files/{file['file_id']}", reader),
                        browser.call("PUT", "/centres/68101/units/3/note", reader, json={"text": "hi"})):
            assert refused.status_code == 403 and refused.json["code"] == "READ_ONLY"
    elsewhere = bearer("moderator", centres=(), permissions=(), email="another.moderator@board.example")
    assert browser.call("GET", EVIDENCE, elsewhere).json["code"] == "UNIT_NOT_FOUND"
    assert browser.call("GET", f"/files/{file['file_id']}/download", elsewhere).json["code"] == "FILE_NOT_FOUND"


def test_an_unreachable_store_answers_503_and_changes_nothing(make_app, browser, teacher, submitted_unit):
    from .uploading import Browser
    down = Browser(make_app(S3_ENDPOINT="127.0.0.1:1").test_client(), browser.host)
    refused = down.start(teacher, b"x")
    assert refused.status_code == 503 and refused.json["code"] == "STORAGE_UNAVAILABLE"
    assert browser.call("GET", EVIDENCE, teacher).json["uploads"] == []
