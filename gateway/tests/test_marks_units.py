"""The IAMIS page: one box per series, and per unit what is done, what is left and what to do next."""
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of


def unit_text(response, unit) -> str:
    html = response.get_data(as_text=True)
    found = re.search(rf'<section class="unit" id="unit-{unit["id"]}".*?</section>', html, re.S)
    assert found, f"no box for unit {unit['code']}"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_units_are_listed_series_by_series_with_the_guides_labels(browser, teacher, marks):
    oracy, outcomes = samples.oracy(marks), samples.criminology(marks)
    browser.sign_in(teacher["email"])
    response = browser.get("/iamis")
    html = response.get_data(as_text=True)
    assert '<summary class="series__title">GCSE NOVEMBER 2025</summary>' in html
    assert '<summary class="series__title">APPLIED LEVEL 3 JUNE 2025</summary>' in html
    assert "INFO: Click on a title to expand the box" in text_of(response)
    box = unit_text(response, oracy)
    assert "GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)" in box
    assert "Deadline for submission of samples and cover sheets to moderator: 05/11/2025" in box
    assert "ENTER MARKS (0 DONE, 13 LEFT)" in box
    assert "NO MARKS TO SUBMIT (0 SUBMITTED)" in box and "13 MARKS MISSING" in box
    assert f'href="/iamis/units/{oracy["id"]}"' in html
    box = unit_text(response, outcomes)
    assert "ENTER OUTCOMES (0 DONE, 5 LEFT)" in box
    assert "NO OUTCOMES TO SUBMIT (0 SUBMITTED)" in box and "5 OUTCOMES MISSING" in box


def test_a_missing_mark_is_counted_in_the_singular(browser, teacher, marks):
    unit = samples.linear(marks, count=2)
    samples.complete_marks(marks, unit)
    marks.state(unit, "68101", 1054)["task_marks"] = {}
    browser.sign_in(teacher["email"])
    box = unit_text(browser.get("/iamis"), unit)
    assert "ENTER MARKS (1 DONE, 1 LEFT)" in box and "1 MARK MISSING" in box


def test_a_complete_unit_offers_submit_and_a_submitted_one_its_samples(browser, teacher, marks):
    ready, done = samples.oracy(marks), samples.criminology(marks)
    samples.complete_marks(marks, ready)
    samples.complete_marks(marks, done)
    marks.submitted[(str(done["id"]), "68101")] = "2025-05-01T10:00:00+00:00"
    browser.sign_in(teacher["email"])
    response = browser.get("/iamis")
    html = response.get_data(as_text=True)
    box = unit_text(response, ready)
    assert "ENTER MARKS (13 DONE, 0 LEFT)" in box and "SUBMIT MARKS AND GENERATE SAMPLES (13)" in box
    assert "MISSING" not in box
    assert f'href="/iamis/units/{ready["id"]}/submit"' in html
    box = unit_text(response, done)
    assert "VIEW SAMPLES" in box and "ALL OUTCOMES SUBMITTED (5)" in box and "ENTER OUTCOMES" not in box
    assert f'href="/iamis/units/{done["id"]}?show=samples"' in html


def test_the_reminder_and_the_amendment_link_stay(browser, teacher, marks):
    samples.oracy(marks)
    browser.sign_in(teacher["email"])
    response = browser.get("/iamis")
    page = text_of(response)
    assert "Please remember to submit the marks/outcomes you have entered" in page
    assert ("If an incorrect mark/outcome has been submitted, centres must complete and SUBMIT THIS FORM to "
            "request an amendment.") in page
    assert '<a href="/iamis/amendments">SUBMIT THIS FORM</a>' in response.get_data(as_text=True)
    amendments = text_of(browser.get("/iamis/amendments"))
    assert "The online mark/grade amendment form is not available yet." in amendments
    assert "CANNOT BE ALTERED ONLINE" in amendments


def test_returning_from_a_marksheet_opens_its_series(browser, teacher, marks):
    oracy = samples.oracy(marks)
    samples.criminology(marks)
    browser.sign_in(teacher["email"])
    html = browser.get(f"/iamis?series={oracy['series']['id']}").get_data(as_text=True)
    assert re.search(rf'id="series-{oracy["series"]["id"]}" open>', html)
    assert len(re.findall(r'<details class="series"[^>]* open>', html)) == 1


def test_each_centre_sees_only_its_own_units(browser, identity, marks):
    samples.oracy(marks, centre="68102")
    identity.add_user("other@school.example", centres=["68101"])
    browser.sign_in("other@school.example")
    assert "There are no units for your centre yet." in text_of(browser.get("/iamis"))


def test_an_exams_officer_without_the_permission_still_enters_marks(browser, identity, marks):
    samples.oracy(marks)
    identity.add_user("eo@school.example", account_type="exams_officer", permissions=[])
    browser.sign_in("eo@school.example")
    assert "ENTER MARKS (0 DONE, 13 LEFT)" in text_of(browser.get("/iamis"))


def test_board_staff_choose_a_centre_and_only_view(browser, identity, marks):
    unit = samples.oracy(marks)
    samples.complete_marks(marks, unit)
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    first = browser.get("/iamis")
    assert "Enter a centre number to view its units." in text_of(first)
    assert '<label class="label" for="centre">Centre number</label>' in first.get_data(as_text=True)
    response = browser.get("/iamis?centre=68101")
    box = unit_text(response, unit)
    assert "VIEW MARKS (13 DONE, 0 LEFT)" in box and "NOT SUBMITTED YET" in box
    assert "SUBMIT MARKS" not in box
    assert f'href="/iamis/units/{unit["id"]}?centre=68101"' in response.get_data(as_text=True)


def test_board_staff_are_told_when_a_centre_number_is_not_one(browser, identity):
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    response = browser.get("/iamis?centre=681")
    page = text_of(response)
    assert "There is a problem" in page and "Enter a centre number of 5 digits, like 68101" in page
    assert '<a href="#centre">' in response.get_data(as_text=True)


@pytest.mark.parametrize("failure", ["unreachable", "failing"])
def test_when_marks_is_down_the_page_says_try_again(browser, teacher, marks, failure):
    browser.sign_in(teacher["email"])
    marks.reachable, marks.failing = failure != "unreachable", failure == "failing"
    response = browser.get("/iamis")
    assert response.status_code == 503
    page = text_of(response)
    assert "Sorry, marks and outcomes are not available at the moment" in page
    assert "Nothing was changed. Try again in a few minutes." in page
    assert '<a class="button" href="/iamis">Try again</a>' in response.get_data(as_text=True)


def test_the_page_calls_marks_as_the_signed_in_user(browser, teacher, marks):
    browser.sign_in(teacher["email"])
    browser.get("/iamis")
    assert marks.calls[-1][:2] == ("GET", "/centres/68101/units")
    caller = marks.callers[-1]
    assert (caller.sub, caller.kind, caller.centres, caller.permissions) == (teacher["sub"], "user", ("68101",),
                                                                             ("iamis",))


def test_a_user_of_two_centres_chooses_which_to_view(browser, identity, marks):
    unit = samples.oracy(marks, centre="68102")
    identity.add_user("eo@school.example", account_type="exams_officer", centres=["68101", "68102"])
    browser.sign_in("eo@school.example")
    first = browser.get("/iamis")
    assert "There are no units for your centre yet." in text_of(first)
    assert 'id="centre" name="centre"' in first.get_data(as_text=True)
    response = browser.get("/iamis?centre=68102")
    assert "ENTER MARKS (0 DONE, 13 LEFT)" in unit_text(response, unit)
    assert f'href="/iamis/units/{unit["id"]}?centre=68102"' in response.get_data(as_text=True)


def test_a_user_of_one_centre_always_sees_their_own(browser, teacher, marks):
    samples.oracy(marks, centre="68102")
    own = samples.criminology(marks)
    browser.sign_in(teacher["email"])
    response = browser.get("/iamis?centre=68102")
    assert "ENTER OUTCOMES (0 DONE, 5 LEFT)" in unit_text(response, own)
    assert 'name="centre"' not in response.get_data(as_text=True)
