"""Submitting: a confirmation page (works without JavaScript), once only, then a locked marksheet."""
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of


@pytest.fixture
def ready(browser, teacher, marks):
    unit = samples.oracy(marks)
    samples.complete_marks(marks, unit)
    browser.sign_in(teacher["email"])
    return unit


def test_the_confirmation_asks_with_ok_and_cancel(browser, ready):
    response = browser.get(f"/iamis/units/{ready['id']}/submit")
    html, page = response.get_data(as_text=True), text_of(response)
    assert "Are you sure you want to submit marks?" in page
    assert "GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)" in page
    assert re.search(rf'<form method="post" action="/iamis/units/{ready["id"]}/submit"', html)
    assert '<button type="submit" class="button">OK</button>' in html
    assert re.search(rf'href="/iamis\?series={ready["series"]["id"]}#unit-{ready["id"]}">Cancel</a>', html)


def test_submitting_shows_the_guides_page(browser, marks, ready):
    browser.get(f"/iamis/units/{ready['id']}/submit")
    response = browser.post(f"/iamis/units/{ready['id']}/submit")
    assert response.headers["Location"] == f"/iamis/units/{ready['id']}/submitted"
    page = text_of(browser.get(response.headers["Location"]))
    assert ("INTERNAL ASSESSMENT MARKING - GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1) MARKS "
            "SUBMITTED") in page
    assert "Subject/Paper: 3700U1 Submitted: 13" in page
    assert ("Thank you for submitting the marks for 3700U1 ENGLISH LANGUAGE UNIT 1 ORACY for your centre. These "
            "marks have been received by WJEC and will now be made available to the moderator.") in page
    assert "Return to the INTERNAL ASSESSMENT MARK input screen and view the sample" in page
    assert marks.published == [(str(ready["id"]), "68101")]


def test_pressing_submit_twice_shows_the_same_page_and_submits_once(browser, marks, ready):
    browser.get(f"/iamis/units/{ready['id']}/submit")
    first = browser.post(f"/iamis/units/{ready['id']}/submit")
    second = browser.post(f"/iamis/units/{ready['id']}/submit")
    assert first.headers["Location"] == second.headers["Location"]
    assert text_of(browser.get(first.headers["Location"])) == text_of(browser.get(second.headers["Location"]))
    assert len(marks.published) == 1
    assert browser.get(f"/iamis/units/{ready['id']}/submit").headers["Location"].endswith("/submitted")


def test_outcomes_say_outcomes(browser, teacher, marks):
    unit = samples.criminology(marks)
    samples.complete_marks(marks, unit)
    browser.sign_in(teacher["email"])
    assert "Are you sure you want to submit outcomes?" in text_of(browser.get(f"/iamis/units/{unit['id']}/submit"))
    browser.post(f"/iamis/units/{unit['id']}/submit")
    page = text_of(browser.get(f"/iamis/units/{unit['id']}/submitted"))
    assert "CRIMINOLOGICAL THEORIES CONTROL ASSESSMENT (9611/L3) OUTCOMES SUBMITTED" in page
    assert "Thank you for submitting the outcomes for 9611/L3 CRIMINOLOGICAL THEORIES CONTROL ASSESSMENT" in page


def test_an_incomplete_marksheet_cannot_be_submitted(browser, teacher, marks):
    unit = samples.oracy(marks)
    browser.sign_in(teacher["email"])
    response = browser.get(f"/iamis/units/{unit['id']}/submit")
    page = text_of(response)
    assert "Every candidate needs a mark or outcome, and teacher initials where they are required" in page
    assert "OK" not in re.findall(r"<button[^>]*>([^<]*)</button>", response.get_data(as_text=True))
    assert f'href="/iamis/units/{unit["id"]}?show=unmarked"' in response.get_data(as_text=True)
    refused = browser.post(f"/iamis/units/{unit['id']}/submit")
    assert "There is a problem" in text_of(refused) and not marks.published
    assert browser.get(f"/iamis/units/{unit['id']}/submitted").headers["Location"] == f"/iamis/units/{unit['id']}"


def test_after_submission_the_marksheet_is_read_only_with_the_lock_text(browser, marks, ready):
    browser.get(f"/iamis/units/{ready['id']}/submit")
    browser.post(f"/iamis/units/{ready['id']}/submit")
    response = browser.get(f"/iamis/units/{ready['id']}")
    html, page = response.get_data(as_text=True), text_of(response)
    assert ("ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED TO WJEC THE MARKS & OUTCOMES AWARDED TO CANDIDATES CANNOT BE "
            "ALTERED ONLINE, A REQUEST CAN BE MADE BY COMPLETING THE MARK/GRADE AMENDMENT FORM AVAILABLE ON THE "
            "IAMIS SCREEN.") in page
    assert '<a href="/iamis/amendments">Request a mark/grade amendment</a>' in html
    assert 'class="input mark-field' not in html and 'id="marksheet-form"' not in html
    assert '<span class="marksheet__value">20</span>' in html
    assert "Import marks from a CSV file" not in page and "Export as CSV" in page
    box = text_of(browser.get("/iamis"))
    assert "VIEW SAMPLES" in box and "ALL MARKS SUBMITTED (13)" in box


def test_board_staff_cannot_submit(browser, identity, marks):
    unit = samples.oracy(marks)
    samples.complete_marks(marks, unit)
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    page = text_of(browser.get(f"/iamis/units/{unit['id']}/submit?centre=68101"))
    assert "Board staff can view marks and outcomes but cannot change them." in page
    response = browser.post(f"/iamis/units/{unit['id']}/submit?centre=68101")
    assert response.status_code == 403 and not marks.published
