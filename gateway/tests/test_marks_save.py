"""SAVE AND CLOSE without JavaScript: the boxes changed are saved, refusals are shown, nothing else moves."""
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of


@pytest.fixture
def oracy(browser, teacher, marks):
    unit = samples.oracy(marks)
    browser.sign_in(teacher["email"])
    browser.get(f"/iamis/units/{unit['id']}")
    return unit


def boxes(**typed) -> dict:
    """Form fields for {candidate_field: (typed, shown)}, e.g. c1054_t1=("15", "")."""
    names = {"t1": "task:Task 1", "t2": "task:Task 2", "in": "initials", "out": "outcome"}
    form = {}
    for key, (value, shown) in typed.items():
        candidate, field = key[1:].split("_")
        form[f"v|{candidate}|{names[field]}"] = value
        form[f"p|{candidate}|{names[field]}"] = shown
    return form


def patches(marks) -> list:
    return [body for method, _, body in marks.calls if method == "PATCH"]


def test_changed_boxes_are_saved_and_the_page_closes(browser, marks, oracy):
    response = browser.post(f"/iamis/units/{oracy['id']}", boxes(
        c1054_t1=("15", ""), c1054_t2=(" 15 ", ""), c1054_in=("ab", ""), c3268_t1=("", "")))
    assert response.status_code == 302
    assert response.headers["Location"] == f"/iamis?series={oracy['series']['id']}#unit-{oracy['id']}"
    assert patches(marks) == [{"field": "task:Task 1", "value": "15", "previous": ""},
                              {"field": "task:Task 2", "value": "15", "previous": ""},
                              {"field": "initials", "value": "ab", "previous": ""}]
    state = marks.state(oracy, "68101", 1054)
    assert state["task_marks"] == {"Task 1": 15, "Task 2": 15} and state["initials"] == "AB"
    page = text_of(browser.get(response.headers["Location"]))
    assert "Your changes to GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1) have been saved." in page
    assert "ENTER MARKS (1 DONE, 12 LEFT)" in page


def test_nothing_changed_saves_nothing(browser, marks, oracy):
    response = browser.post(f"/iamis/units/{oracy['id']}", boxes(c1054_t1=("", ""), c3268_t1=("", "")))
    assert response.status_code == 302 and patches(marks) == []


def test_refused_boxes_keep_what_was_typed_and_say_why(browser, marks, oracy):
    response = browser.post(f"/iamis/units/{oracy['id']}", boxes(
        c1054_t1=("45", ""), c3268_t1=("-3", ""), c3301_t1=("12", ""), c3302_t1=("cf", "")))
    assert response.status_code == 200
    html, page = response.get_data(as_text=True), text_of(response)
    assert "There is a problem" in page
    assert "Task 1 mark for 1054 JONES: TOMOS: The mark for Task 1 must be no more than 40." in page
    assert ("Task 1 mark for 3268 EVANS: CERYS: Enter a whole number from 0 to 40 for Task 1, or A if the "
            "candidate was absent.") in page
    assert "Task 1 mark for 3302 DAVIES: MEGAN: You cannot carry forward a mark for this unit." in page
    assert '<a href="#field-1054-0">' in html
    field = re.search(r'<input class="input mark-field mark-field--error" id="field-1054-0"[^>]*>', html).group(0)
    assert 'value="45"' in field and 'aria-invalid="true"' in field
    assert 'aria-describedby="field-1054-0-message"' in field
    assert marks.state(oracy, "68101", 3301)["task_marks"] == {"Task 1": 12}
    assert marks.state(oracy, "68101", 1054)["task_marks"] == {}
    assert re.search(r'id="field-3301-0"[^>]*value="12"', html)


def test_absent_is_shown_as_a_in_every_task(browser, marks, oracy):
    browser.post(f"/iamis/units/{oracy['id']}", boxes(c1054_t1=("a", "")))
    html = browser.get(f"/iamis/units/{oracy['id']}").get_data(as_text=True)
    assert re.search(r'id="field-1054-0"[^>]*value="A"', html) and re.search(r'id="field-1054-1"[^>]*value="A"', html)
    assert "Candidates: 13. Done: 1. Left: 12." in text_of(browser.get(f"/iamis/units/{oracy['id']}"))


def test_a_value_someone_else_changed_is_not_overwritten(browser, marks, oracy):
    marks.state(oracy, "68101", 1054).update(task_marks={"Task 1": 23}, status="marked")
    response = browser.post(f"/iamis/units/{oracy['id']}", boxes(c1054_t1=("30", "")))
    html = response.get_data(as_text=True)
    assert ("Someone else changed this value since you opened the marksheet. It is now 23. "
            "Check it before you change it.") in text_of(response)
    assert marks.state(oracy, "68101", 1054)["task_marks"] == {"Task 1": 23}
    # The page now knows 23, so sending 30 again is a deliberate overwrite.
    assert 'name="p|1054|task:Task 1" value="23"' in html and re.search(r'id="field-1054-0"[^>]*value="30"', html)
    again = browser.post(f"/iamis/units/{oracy['id']}", boxes(c1054_t1=("30", "23")))
    assert again.status_code == 302 and marks.state(oracy, "68101", 1054)["task_marks"] == {"Task 1": 30}


def test_outcomes_are_saved_by_the_whole_page_too(browser, teacher, marks):
    unit = samples.criminology(marks)
    browser.sign_in(teacher["email"])
    response = browser.post(f"/iamis/units/{unit['id']}", boxes(c1054_out=("Merit", ""), c3268_out=("Absent", "")))
    assert response.status_code == 302
    assert marks.state(unit, "68101", 1054)["outcome"] == "Merit"
    assert marks.state(unit, "68101", 3268)["status"] == "absent"


def test_a_submitted_marksheet_takes_no_changes(browser, marks, oracy):
    marks.submitted[(str(oracy["id"]), "68101")] = "2025-11-01T10:00:00+00:00"
    response = browser.post(f"/iamis/units/{oracy['id']}", boxes(c1054_t1=("15", "")))
    page = text_of(response)
    assert "ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED TO WJEC" in page
    assert patches(marks) == [] and marks.state(oracy, "68101", 1054)["task_marks"] == {}


def test_save_and_close_needs_the_forms_token(browser, marks, oracy):
    response = browser.client.post(f"/iamis/units/{oracy['id']}", data=boxes(c1054_t1=("15", "")))
    assert response.status_code == 400 and patches(marks) == []
