"""The marksheet page: heading, options, columns, labelled boxes, pages, print view, who may see it."""
import json
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of


def headings(html: str) -> list[str]:
    head = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    return [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]


def selected(html: str, name: str) -> str:
    select = re.search(rf'<select class="select" id="option-{name}".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="([^"]*)" selected>', select).group(1)


@pytest.fixture
def signed_in(browser, teacher):
    browser.sign_in(teacher["email"])
    return browser


def test_marks_unit_heading_columns_and_labelled_boxes(signed_in, marks):
    unit = samples.oracy(marks)
    response = signed_in.get(f"/iamis/units/{unit['id']}")
    html, page = response.get_data(as_text=True), text_of(response)
    assert "<h1 class=\"heading-l\">GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1) MARKSHEET</h1>" in html
    assert headings(html) == ["Candidate No", "Name", "Task 1 (Max:40)", "Task 2 (Max:40)", "Total",
                              "Teacher Initials", "Sample"]
    assert '<caption class="table__caption">Candidates, page 1 of 1</caption>' in html
    assert "1054 JONES: TOMOS" in page
    assert '<label class="visually-hidden" for="field-1054-0">Task 1 mark for 1054 JONES: TOMOS</label>' in html
    assert '<label class="visually-hidden" for="field-1054-2">Teacher initials for 1054 JONES: TOMOS</label>' in html
    assert 'name="v|1054|task:Task 1"' in html and 'name="p|1054|task:Task 1" value=""' in html
    assert "You must enter C or CF" not in page
    for words in ("STEP-BY-STEP GUIDE", "PRINT", "SAVE AND CLOSE", "(PLEASE REMEMBER TO SUBMIT YOUR MARKS)",
                  "Candidates: 13. Done: 0. Left: 13.", "Import marks from a CSV file", "Export as CSV"):
        assert words in page


def test_saved_values_show_in_green_with_the_total(signed_in, marks):
    unit = samples.oracy(marks)
    marks.state(unit, "68101", 1054).update(task_marks={"Task 1": 15, "Task 2": 15}, status="marked", initials="AB")
    html = signed_in.get(f"/iamis/units/{unit['id']}").get_data(as_text=True)
    row = re.search(r'<tr data-candidate="1054">.*?</tr>', html, re.S).group(0)
    assert re.search(r'class="input mark-field mark-field--saved" id="field-1054-0"[^>]*value="15"', row)
    assert '<td class="marksheet__total" data-total>30</td>' in row
    assert 'value="AB"' in row


def test_carry_forward_units_say_how(signed_in, marks):
    unit = samples.linear(marks)
    page = text_of(signed_in.get(f"/iamis/units/{unit['id']}"))
    assert "You must enter C or CF in the mark column if you wish to carry forward." in page


def test_outcome_unit_has_a_grade_list_with_absent_and_a_sample_column(signed_in, marks):
    unit = samples.criminology(marks)
    marks.state(unit, "68101", 1054).update(outcome="Merit", status="marked", sample=True)
    html = signed_in.get(f"/iamis/units/{unit['id']}").get_data(as_text=True)
    assert headings(html) == ["Candidate No", "Name", "Grade", "Sample"]
    row = re.search(r'<tr data-candidate="1054">.*?</tr>', html, re.S).group(0)
    options = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', row)
    assert [(value, text) for value, _, text in options] == [
        ("", "Not entered"), ("Pass", "Pass"), ("Merit", "Merit"), ("Distinction", "Distinction"),
        ("Absent", "Absent")]
    assert [value for value, chosen, _ in options if chosen] == ["Merit"]
    assert '<label class="visually-hidden" for="field-1054-0">Grade for 1054 JONES: TOMOS</label>' in row
    assert '<td class="marksheet__sample">Yes</td>' in row
    assert "(PLEASE REMEMBER TO SUBMIT YOUR OUTCOMES)" in text_of(signed_in.get(f"/iamis/units/{unit['id']}"))


def test_options_default_and_go_to_the_marks_service(signed_in, marks):
    unit = samples.oracy(marks)
    html = signed_in.get(f"/iamis/units/{unit['id']}").get_data(as_text=True)
    assert (selected(html, "rows"), selected(html, "sort"), selected(html, "show")) == ("20", "candidate", "all")
    for label in ("Candidate search", "Rows", "Sort by", "Show"):
        assert re.search(rf'<label class="label" for="[^"]+">{label}</label>', html)
    assert re.findall(r'<option value="(\w+)"', re.search(r'id="option-rows".*?</select>', html, re.S).group(0)) \
        == ["10", "20", "50", "100", "all"]
    signed_in.get(f"/iamis/units/{unit['id']}?search=jon&rows=10&sort=name&show=unmarked")
    assert marks.calls[-1][1] == f"/centres/68101/units/{unit['id']}/marksheet"
    page = text_of(signed_in.get(f"/iamis/units/{unit['id']}?search=jon&rows=10&sort=name&show=unmarked"))
    assert "1054 JONES: TOMOS" in page and "EVANS" not in page


def test_unknown_options_fall_back_to_the_defaults(signed_in, marks):
    unit = samples.oracy(marks)
    response = signed_in.get(f"/iamis/units/{unit['id']}?rows=7&sort=age&show=some&page=x")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert (selected(html, "rows"), selected(html, "sort"), selected(html, "show")) == ("20", "candidate", "all")


def test_more_than_twenty_candidates_are_shown_on_pages(signed_in, marks):
    unit = samples.oracy(marks, count=45)
    html = signed_in.get(f"/iamis/units/{unit['id']}").get_data(as_text=True)
    assert len(re.findall(r'<tr data-candidate=', html)) == 20
    assert '<nav class="pagination" aria-label="Marksheet pages">' in html
    assert f'href="/iamis/units/{unit["id"]}?page=2" rel="next">Next page</a>' in html
    second = signed_in.get(f"/iamis/units/{unit['id']}?page=3").get_data(as_text=True)
    assert len(re.findall(r'<tr data-candidate=', second)) == 5
    assert "Candidates, page 3 of 3" in second and 'aria-current="page"' in second


def test_print_view_has_every_row_and_a_print_stylesheet(signed_in, marks):
    unit = samples.oracy(marks, count=45)
    html = signed_in.get(f"/iamis/units/{unit['id']}/print?sort=name").get_data(as_text=True)
    assert len(re.findall(r'<tr data-candidate=', html)) == 45
    assert 'href="/static/print.css" media="print"' in html
    assert "<input" not in re.search(r"<table.*</table>", html, re.S).group(0)
    assert marks.calls[-1][0] == "GET"
    assert signed_in.get("/static/print.css").status_code == 200


def test_the_script_gets_its_messages_and_nothing_runs_inline(signed_in, marks):
    unit = samples.linear(marks)
    html = signed_in.get(f"/iamis/units/{unit['id']}").get_data(as_text=True)
    assert '<script type="module" src="/static/marksheet.js"></script>' in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all('src="' in attributes or 'type="application/json"' in attributes for attributes, _ in scripts)
    messages = json.loads(re.search(r'id="marksheet-messages">(.*?)</script>', html, re.S).group(1))
    assert messages["MARK_ABOVE_MAXIMUM"] == "The mark for {task} must be no more than {max}."
    assert messages["MARK_INVALID"].endswith("or C/CF to carry forward.")
    assert messages["ABSENT_CONFIRM"] == "please note an ABSENT should only be used if a candidate is absent"
    assert '<div class="visually-hidden" id="marksheet-status" role="status" aria-live="polite"></div>' in html
    assert signed_in.get("/static/marksheet.js").status_code == 200


def test_another_centres_unit_is_not_found(browser, identity, marks):
    unit = samples.oracy(marks, centre="68102")
    identity.add_user("teacher@school.example")
    browser.sign_in("teacher@school.example")
    for path in (f"/iamis/units/{unit['id']}", f"/iamis/units/{unit['id']}?centre=68102",
                 f"/iamis/units/{unit['id']}/print", "/iamis/units/999"):
        response = browser.get(path)
        assert response.status_code == 404, path
        assert "Page not found" in text_of(response)


def test_a_user_without_iamis_is_refused(browser, identity, marks):
    unit = samples.oracy(marks)
    identity.add_user("results@school.example", permissions=["entries_results"])
    browser.sign_in("results@school.example")
    response = browser.get(f"/iamis/units/{unit['id']}")
    assert response.status_code == 403
    assert not marks.calls


def test_board_staff_see_a_centres_marksheet_read_only(browser, identity, marks):
    unit = samples.oracy(marks)
    marks.state(unit, "68101", 1054).update(task_marks={"Task 1": 15}, status="marked")
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    assert browser.get(f"/iamis/units/{unit['id']}").headers["Location"] == "/iamis"
    response = browser.get(f"/iamis/units/{unit['id']}?centre=68101")
    html, page = response.get_data(as_text=True), text_of(response)
    assert "Board staff can view marks and outcomes but cannot change them." in page
    assert "<input class=\"input mark-field" not in html and "marksheet.js" not in html
    assert '<span class="marksheet__value">15</span>' in html
    assert "CLOSE" in page and "SAVE AND CLOSE" not in page and "Import marks" not in page
