"""Deleting an uploaded file: after a confirmation page, only until the deadline, with the reason the person
can act on (the deadline for the centre's own staff, read-only for board staff), in English and Welsh."""
import pytest

from gateway.testing import text_of
from gateway.testing.evidence_pages import CENTRE, error_summary, submit, text_of_html, upload_unit

SYSTEM = {"1054": "highest", "3268": "lowest"}
DEADLINE = ("The deadline for this unit has passed, so uploaded files can no longer be deleted. Contact WJEC if the "
            "wrong file was uploaded.")


pytestmark = pytest.mark.usefixtures("evidence")  # every page here talks to the evidence service


@pytest.fixture
def unit(marks, sampling, evidence):
    return submit(upload_unit(marks, count=4), marks, sampling, evidence, SYSTEM)


def test_deleting_asks_first_then_removes_the_file_and_says_so(teacher_browser, unit, evidence):
    stored = evidence.add_file(unit, CENTRE, "1054", "wrong-file.docx", 2048)
    confirm = teacher_browser.get(f"/iamis/units/{unit['id']}/evidence/files/{stored['file_id']}/delete?show=samples")
    page = text_of(confirm)
    assert confirm.status_code == 200
    assert "Are you sure you want to delete wrong-file.docx?" in page
    assert "Candidate No 1054 File wrong-file.docx Size 2.0 KB Uploaded 02/06/2025 14:05" in page
    assert evidence.units[(str(unit["id"]), CENTRE)]["files"]  # asking changes nothing

    done = teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/files/{stored['file_id']}/delete?show=samples")
    assert done.status_code == 302
    assert done.headers["Location"] == f"/iamis/units/{unit['id']}?show=samples"
    assert ("DELETE", f"/files/{stored['file_id']}", None) in evidence.calls
    assert evidence.units[(str(unit["id"]), CENTRE)]["files"] == []
    shown = teacher_browser.get(done.headers["Location"])
    assert "wrong-file.docx has been deleted." in text_of(shown)


def test_after_the_deadline_a_file_cannot_be_deleted_and_the_reason_is_given(teacher_browser, marks, sampling,
                                                                             evidence):
    unit = submit(upload_unit(marks, count=4), marks, sampling, evidence, SYSTEM, deadline_passed=True)
    stored = evidence.add_file(unit, CENTRE, "3268", "portfolio.pdf", 2048)
    confirm = teacher_browser.get(f"/iamis/units/{unit['id']}/evidence/files/{stored['file_id']}/delete")
    assert confirm.status_code == 409 and DEADLINE in text_of_html(error_summary(confirm.get_data(as_text=True)))
    assert "YES, DELETE THE FILE" not in text_of(confirm)
    forced = teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/files/{stored['file_id']}/delete")
    assert forced.status_code == 409 and DEADLINE in text_of(forced)
    assert "<title>Error:" in forced.get_data(as_text=True)
    assert evidence.units[(str(unit["id"]), CENTRE)]["files"] == [stored]


def test_a_teacher_who_cannot_upload_either_is_told_of_the_deadline_not_read_only(teacher_browser, marks, sampling,
                                                                                  evidence):
    unit = submit(upload_unit(marks, count=4), marks, sampling, evidence, SYSTEM, deadline_passed=True)
    del sampling.samples[(str(unit["id"]), CENTRE)]  # no sample for evidence: nothing can be uploaded either
    stored = evidence.add_file(unit, CENTRE, "3268", "portfolio.pdf", 2048)
    confirm = teacher_browser.get(f"/iamis/units/{unit['id']}/evidence/files/{stored['file_id']}/delete")
    problem = text_of_html(error_summary(confirm.get_data(as_text=True)))
    assert confirm.status_code == 409 and DEADLINE in problem and "Board staff" not in problem


def test_board_staff_are_told_they_only_read(browser, identity, unit, evidence):
    stored = evidence.add_file(unit, CENTRE, "3268", "portfolio.pdf", 2048)
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    confirm = browser.get(f"/iamis/units/{unit['id']}/evidence/files/{stored['file_id']}/delete?centre={CENTRE}")
    assert confirm.status_code == 409
    assert ("Board staff and moderators can see and download the files but cannot upload, delete or change the note."
            in text_of_html(error_summary(confirm.get_data(as_text=True))))


def test_a_file_of_another_unit_or_none_at_all_is_not_found(teacher_browser, unit, evidence):
    assert teacher_browser.get(f"/iamis/units/{unit['id']}/evidence/files/no-such-file/delete").status_code == 404
    assert teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/files/no-such-file/delete").status_code == 404
    assert not [call for call in evidence.calls if call[0] == "DELETE"]


def test_the_file_list_the_script_reloads_is_one_candidates(teacher_browser, unit, evidence):
    evidence.add_file(unit, CENTRE, "1054", "essay.pdf", 3 * 1024 * 1024)
    evidence.add_file(unit, CENTRE, "3268", "other.pdf", 10)
    listed = teacher_browser.get(f"/iamis/units/{unit['id']}/evidence/files?candidate=1054")
    assert listed.status_code == 200
    assert text_of(listed) == "essay.pdf 3.0 MB, 02/06/2025 14:05 Download essay.pdf Delete essay.pdf"


def test_another_centres_unit_is_not_found(browser, identity, unit, evidence):
    identity.add_user("teacher@other.example", centres=["68102"])
    browser.sign_in("teacher@other.example")
    assert browser.get(f"/iamis/units/{unit['id']}/evidence/files?candidate=1054").status_code == 404


def test_deleting_in_welsh(browser, identity, marks, sampling, evidence):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.sign_in("athro@ysgol.example")
    unit = submit(upload_unit(marks, count=4), marks, sampling, evidence, SYSTEM, deadline_passed=True)
    stored = evidence.add_file(unit, CENTRE, "1054", "traethawd.pdf", 2048)
    page = text_of(browser.get(f"/iamis/units/{unit['id']}"))
    for words in ("Uwchlwytho tystiolaeth ar gyfer 1054 JONES: TOMOS", "Lawrlwytho traethawd.pdf", "Uwchlwytho IAMIS"):
        assert words in page, words
    refused = browser.post(f"/iamis/units/{unit['id']}/evidence/files/{stored['file_id']}/delete")
    assert refused.status_code == 409
    assert "Mae'r dyddiad cau ar gyfer yr uned hon wedi mynd heibio" in text_of(refused)
