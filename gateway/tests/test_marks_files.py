"""MIS import (all rows or none, every bad row listed) and export (the service's CSV, streamed, named)."""
import io

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of


@pytest.fixture
def oracy(browser, teacher, marks):
    unit = samples.oracy(marks, count=3)
    browser.sign_in(teacher["email"])
    browser.get(f"/iamis/units/{unit['id']}")
    return unit


def upload(browser, unit, text: str, name: str = "marks.csv"):
    return browser.post(f"/iamis/units/{unit['id']}/import", {"file": (io.BytesIO(text.encode()), name)},
                        content_type="multipart/form-data")


def test_a_good_file_is_imported(browser, marks, oracy):
    response = upload(browser, oracy, "candidate_number,Task 1,Task 2,initials\n1054,15,15,ab\n3268,a,,\n")
    assert response.status_code == 302 and response.headers["Location"] == f"/iamis/units/{oracy['id']}"
    assert marks.state(oracy, "68101", 1054)["task_marks"] == {"Task 1": 15, "Task 2": 15}
    assert marks.state(oracy, "68101", 3268)["status"] == "absent"
    assert "3 rows imported from marks.csv." in text_of(browser.get(response.headers["Location"]))


def test_a_bad_file_lists_every_bad_line_and_saves_nothing(browser, marks, oracy):
    response = upload(browser, oracy, "candidate_number,Task 1,Task 2,initials\n"
                                      "1054,15,15,AB\n9999,1,1,AB\n3268,41,1,AB\n1054,1,1,AB\n")
    assert response.status_code == 200
    page = text_of(response)
    assert "The file was not imported: nothing was saved." in page
    assert "Line 3, candidate 9999: Candidate 9999 is not entered for this unit at your centre." in page
    assert "Line 4, candidate 3268: The mark for Task 1 must be no more than 40." in page
    assert "Line 5, candidate 1054: Candidate 1054 is also on line 2." in page
    assert '<input class="file-upload" id="import-file"' in response.get_data(as_text=True)
    assert marks.state(oracy, "68101", 1054)["task_marks"] == {}


def test_a_wrong_header_is_refused(browser, marks, oracy):
    page = text_of(upload(browser, oracy, "number,mark\n1054,15\n"))
    assert "Line 1: The first row must be: candidate_number, Task 1, Task 2, initials." in page


def test_no_file_chosen(browser, marks, oracy):
    response = browser.post(f"/iamis/units/{oracy['id']}/import", {}, content_type="multipart/form-data")
    page = text_of(response)
    assert "There is a problem" in page and "Choose a CSV file to import" in page
    assert not [call for call in marks.calls if call[1].endswith("/import")]


def test_import_after_submission_is_refused_with_the_lock_text(browser, marks, oracy):
    marks.submitted[(str(oracy["id"]), "68101")] = "2025-11-01T10:00:00+00:00"
    page = text_of(upload(browser, oracy, "candidate_number,Task 1,Task 2,initials\n1054,15,15,AB\n"))
    assert "CANNOT BE ALTERED ONLINE" in page and marks.state(oracy, "68101", 1054)["task_marks"] == {}


def test_export_streams_the_marks_as_csv_with_a_file_name(browser, marks, oracy):
    marks.state(oracy, "68101", 1054).update(task_marks={"Task 1": 15, "Task 2": 10}, status="marked", initials="AB")
    response = browser.get(f"/iamis/units/{oracy['id']}/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="3700U1.csv"'
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "candidate_number,surname,forename,Task 1,Task 2,initials,total"
    assert lines[1] == "1054,Jones,Tomos,15,10,AB,25"


def test_export_of_another_centres_unit_is_not_found(browser, identity, marks):
    unit = samples.oracy(marks, centre="68102")
    identity.add_user("teacher@school.example")
    browser.sign_in("teacher@school.example")
    assert browser.get(f"/iamis/units/{unit['id']}/export.csv").status_code == 404
