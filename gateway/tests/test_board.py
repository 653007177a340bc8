"""Board staff pages: series, units, entries; checked before they reach the marks service; staff only."""
import io
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of

UNIT_FORM = {"code": "3700U1", "title": "ENGLISH LANGUAGE UNIT 1 ORACY", "kind": "marks",
             "tasks": "Task 1, 40\r\nTask 2, 40", "grades": "", "initials_required": "y", "deadline": "05/11/2025"}


def posted(marks) -> list:
    return [body for method, _, body in marks.calls if method == "POST"]


@pytest.fixture
def staff(browser, identity):
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    return browser


@pytest.mark.parametrize("path", ["/board/series", "/board/series/1", "/board/units/101/entries"])
def test_a_teacher_is_refused_every_board_page(browser, teacher, marks, path):
    samples.oracy(marks)
    browser.sign_in(teacher["email"])
    response = browser.get(path)
    assert response.status_code == 403
    assert "Only WJEC staff can use these pages" in text_of(response)
    assert browser.post(path, {"name": "X"}).status_code == 403
    assert not marks.calls


def test_the_menu_has_a_board_section_for_staff_only(staff, browser):
    html = staff.get("/menu?section=board").get_data(as_text=True)
    assert 'aria-current="page">Board</a>' in html
    assert '<a href="/board/series">Series, units and entries</a>' in html


def test_teachers_menu_has_no_board_section(browser, teacher):
    browser.sign_in(teacher["email"])
    html = browser.get("/menu?section=board").get_data(as_text=True)
    assert "/board/series" not in html and ">Board</a>" not in html


def test_adding_a_series(staff, marks):
    staff.get("/board/series")
    response = staff.post("/board/series", {"name": "GCSE NOVEMBER 2025", "results_day": "15/01/2026"})
    assert response.headers["Location"] == "/board/series"
    page = text_of(staff.get("/board/series"))
    assert "Series GCSE NOVEMBER 2025 added." in page and "GCSE NOVEMBER 2025 15/01/2026" in page
    assert posted(marks) == [{"name": "GCSE NOVEMBER 2025", "results_day": "2026-01-15"}]


@pytest.mark.parametrize("form, message", [
    ({"name": "", "results_day": "15/01/2026"}, "Enter the name of the series, like GCSE NOVEMBER 2025"),
    ({"name": "GCSE", "results_day": ""}, "Enter the results day"),
    ({"name": "GCSE", "results_day": "31/02/2026"}, "Enter the results day as a real date, like 21/08/2025"),
])
def test_a_series_form_with_a_mistake_says_what_to_fix(staff, marks, form, message):
    staff.get("/board/series")
    response = staff.post("/board/series", form)
    assert response.status_code == 200 and message in text_of(response)
    assert not posted(marks)


def test_a_series_name_used_already_is_refused_by_the_service(staff, marks):
    marks.add_series("GCSE NOVEMBER 2025")
    staff.get("/board/series")
    page = text_of(staff.post("/board/series", {"name": "GCSE NOVEMBER 2025", "results_day": "15/01/2026"}))
    assert "There is a problem" in page and "A series called GCSE NOVEMBER 2025 already exists." in page


def test_adding_a_unit_with_tasks(staff, marks):
    series = marks.add_series("GCSE NOVEMBER 2025")
    staff.get(f"/board/series/{series['id']}")
    response = staff.post(f"/board/series/{series['id']}", UNIT_FORM)
    assert response.status_code == 302
    sent = posted(marks)[-1]
    assert sent == {"code": "3700U1", "title": "ENGLISH LANGUAGE UNIT 1 ORACY", "kind": "marks",
                    "tasks": [{"name": "Task 1", "max": 40}, {"name": "Task 2", "max": 40}], "grades": [],
                    "initials_required": True, "carry_forward_allowed": False, "evidence_upload": False,
                    "group_upload": False, "deadline": "2025-11-05"}
    page = text_of(staff.get(f"/board/series/{series['id']}"))
    assert "Unit 3700U1 added to GCSE NOVEMBER 2025." in page
    assert "3700U1 ENGLISH LANGUAGE UNIT 1 ORACY Task 1 (Max:40), Task 2 (Max:40) 05/11/2025" in page


def test_adding_an_outcome_unit(staff, marks):
    series = marks.add_series("APPLIED LEVEL 3 JUNE 2025")
    staff.get(f"/board/series/{series['id']}")
    form = dict(UNIT_FORM, code="9611/L3", kind="outcomes", tasks="", grades="Pass, Merit ,Distinction")
    assert staff.post(f"/board/series/{series['id']}", form).status_code == 302
    assert posted(marks)[-1]["grades"] == ["Pass", "Merit", "Distinction"] and posted(marks)[-1]["tasks"] == []


@pytest.mark.parametrize("changes, message", [
    ({"code": ""}, "Enter the unit code, like 3700U1"),
    ({"code": "37 00"}, "Enter a unit code of 2 to 12 letters, digits or /"),
    ({"kind": ""}, "Choose whether the unit has marks or outcomes"),
    ({"tasks": ""}, "Enter at least one task, like Task 1, 40"),
    ({"tasks": "Task 1, 40\nTask 2"}, "Line 2 of the tasks: enter a task name and its maximum from 1 to 1000"),
    ({"tasks": "Task 1, 40\ntask 1, 20"}, "Give each task a different name"),
    ({"kind": "outcomes", "grades": "Pass"}, "Enter at least 2 grades, separated by commas"),
    ({"kind": "outcomes", "grades": "Pass, Absent"}, "do not include Absent"),
    ({"kind": "outcomes", "grades": "Pass, Merit", "carry_forward_allowed": "y"},
     "Carry forward is only for units with marks"),
    ({"group_upload": "y"}, "A group upload needs evidence to be uploaded: tick both"),
    ({"deadline": "5 Nov"}, "Enter the deadline as a real date, like 05/11/2025"),
])
def test_a_unit_form_with_a_mistake_says_what_to_fix(staff, marks, changes, message):
    series = marks.add_series("GCSE NOVEMBER 2025")
    staff.get(f"/board/series/{series['id']}")
    response = staff.post(f"/board/series/{series['id']}", dict(UNIT_FORM, **changes))
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page and message in page
    assert not posted(marks)


def test_loading_entries_then_late_entries(staff, marks):
    unit = samples.oracy(marks, count=2)
    staff.get(f"/board/units/{unit['id']}/entries")
    csv = "centre,candidate_number,surname,forename,date_of_birth\n68101,5001,Parry,Gwen,14/03/2009\n" \
          "68102,0001,Bowen,Huw,2009-01-02\n"
    response = staff.post(f"/board/units/{unit['id']}/entries", {"file": (io.BytesIO(csv.encode()), "e.csv")},
                          content_type="multipart/form-data")
    assert response.status_code == 302
    page = text_of(staff.get(response.headers["Location"]))
    assert "Entries loaded: 2 added, of which 1 are late entries." in page
    html = staff.get(f"/board/units/{unit['id']}/entries").get_data(as_text=True)
    assert re.search(r"Marksheet for centre 68101</a></th>\s*<td>3</td><td>0</td><td>No</td>", html)
    assert marks.state(unit, "68101", 5001)["late_entry"] is True
    assert marks.state(unit, "68102", "0001")["late_entry"] is False


def test_a_bad_entries_file_is_refused_whole_with_every_bad_row(staff, marks):
    unit = samples.oracy(marks, count=2)
    staff.get(f"/board/units/{unit['id']}/entries")
    csv = "centre,candidate_number,surname,forename,date_of_birth\n68101,5001,Parry,Gwen,2009-03-14\n" \
          "681,5002,Bowen,Huw,2009-03-14\n68101,5003,Rees,Ann,31/02/2009\n68101,1054,Jones,Tomos,2009-03-14\n"
    response = staff.post(f"/board/units/{unit['id']}/entries", {"file": (io.BytesIO(csv.encode()), "e.csv")},
                          content_type="multipart/form-data")
    page = text_of(response)
    assert "The file was not loaded: no entries were added." in page
    assert "Line 3, candidate 5002: The centre number 681 is not 5 digits." in page
    assert "Line 4, candidate 5003: The date of birth 31/02/2009 is not a real past date" in page
    assert "Line 5, candidate 1054: Candidate 1054 is already entered for 3700U1 at centre 68101." in page
    assert "5001" not in marks.entries[(str(unit["id"]), "68101")]


def test_loading_entries_without_a_file(staff, marks):
    unit = samples.oracy(marks, count=2)
    staff.get(f"/board/units/{unit['id']}/entries")
    response = staff.post(f"/board/units/{unit['id']}/entries", {}, content_type="multipart/form-data")
    assert "Choose a CSV file of entries" in text_of(response)


def test_an_unknown_series_or_unit_is_not_found(staff, marks):
    assert staff.get("/board/series/77").status_code == 404
    assert staff.get("/board/units/77/entries").status_code == 404
