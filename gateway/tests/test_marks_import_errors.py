"""A refused MIS import lists each bad line in the teacher's language, worded by the line's code."""
import io

import pytest

from gateway.import_line_messages import line_message
from gateway.testing import marks_samples as samples
from gateway.testing import text_of

HEADER = "candidate_number,Task 1,Task 2,initials\n"
BAD_ROWS = "1054,41,1,AB\n3268,x,1,AB\n3301,1,1,ABCDEF\n3302,CF,,AB\n"

# What the marks service sends for each kind of bad line (its unit tests hold it to these codes and params).
SERVICE_LINES = [
    ("FILE_TOO_LARGE", {"max_mb": 4}), ("FILE_NOT_TEXT", {}), ("FILE_NOT_CSV", {"reason": "line contains NUL"}),
    ("FILE_EMPTY", {}), ("FILE_TOO_MANY_ROWS", {"max": 20000}),
    ("COLUMNS_WRONG", {"columns": ["candidate_number", "Task 1", "initials"]}),
    ("ROW_LENGTH_WRONG", {"values": 2, "columns": 4}), ("NOT_ENTERED", {"candidate": "9999"}),
    ("NOT_ENTERED", {"candidate": ""}), ("CANDIDATE_REPEATED", {"candidate": "1054", "first_line": 2}),
    ("MARK_ABOVE_MAXIMUM", {"task": "Task 1", "max": 40}),
    ("MARK_INVALID", {"task": "Task 1", "max": 40, "carry_forward": False}),
    ("MARK_INVALID", {"task": "Mark", "max": 72, "carry_forward": True}),
    ("CARRY_FORWARD_NOT_ALLOWED", {"task": "Task 2"}), ("INITIALS_INVALID", {}),
    ("OUTCOME_INVALID", {"grades": ["Pass", "Merit", "Distinction"]}), ("MARKS_MIXED", {}),
    ("NO_CANDIDATE_ROWS", {}),
    *[(f"{name}_MISSING", {}) for name in ("CENTRE", "CANDIDATE_NUMBER", "SURNAME", "FORENAME", "DATE_OF_BIRTH")],
    ("CENTRE_INVALID", {"centre": "681"}), ("CANDIDATE_NUMBER_INVALID", {"candidate": "12345"}),
    ("SURNAME_INVALID", {"value": "=SUM(A1)", "max": 60}), ("FORENAME_INVALID", {"value": "9", "max": 60}),
    ("DATE_OF_BIRTH_INVALID", {"value": "31/02/2009"}),
    ("ENTRY_REPEATED", {"candidate": "1054", "centre": "68101", "first_line": 2}), ("NO_ENTRIES", {}),
    ("ALREADY_ENTERED", {"candidate": "1054", "unit": "3700U1", "centre": "68101"}),
    ("CENTRE_SUBMITTED", {"centre": "68101", "unit": "9611/L3"}),
]

# Params a page's words leave out: Python's English reason; the task, as the line names the candidate's row.
WORDED_WITHOUT = {"FILE_NOT_CSV": "reason", "CARRY_FORWARD_NOT_ALLOWED": "task"}


def teacher_in(browser, identity, language: str):
    identity.add_user("athro@ysgol.example", language=language)
    browser.sign_in("athro@ysgol.example")
    return browser


def upload(browser, unit, text: str):
    browser.get(f"/iamis/units/{unit['id']}")
    return text_of(browser.post(f"/iamis/units/{unit['id']}/import", {"file": (io.BytesIO(text.encode()), "m.csv")},
                                content_type="multipart/form-data"))


def test_a_welsh_teacher_reads_every_bad_line_in_welsh(browser, identity, marks):
    unit = samples.oracy(marks)
    page = upload(teacher_in(browser, identity, "cy"), unit, HEADER + BAD_ROWS)
    assert "Ni fewnforiwyd y ffeil: ni chadwyd dim." in page
    for line in ("Llinell 2, ymgeisydd 1054: Ni ddylai'r marc ar gyfer Task 1 fod yn fwy na 40.",
                 "Llinell 3, ymgeisydd 3268: Rhowch rif cyfan o 0 i 40 ar gyfer Task 1, neu A os oedd yr "
                 "ymgeisydd yn absennol.",
                 "Llinell 4, ymgeisydd 3301: Rhowch flaenlythrennau'r athro: hyd at 4 llythyren.",
                 "Llinell 5, ymgeisydd 3302: Ni allwch gario marc ymlaen ar gyfer yr uned hon."):
        assert line in page, line
    for english in ("must be no more than", "Enter a whole number", "teacher's initials", "cannot carry forward"):
        assert english not in page


def test_an_english_teacher_reads_them_in_english(browser, identity, marks):
    unit = samples.oracy(marks)
    page = upload(teacher_in(browser, identity, "en"), unit, HEADER + BAD_ROWS)
    for line in ("Line 2, candidate 1054: The mark for Task 1 must be no more than 40.",
                 "Line 3, candidate 3268: Enter a whole number from 0 to 40 for Task 1, or A if the candidate was "
                 "absent.",
                 "Line 4, candidate 3301: Enter the teacher's initials: up to 4 letters.",
                 "Line 5, candidate 3302: You cannot carry forward a mark for this unit."):
        assert line in page, line


def test_welsh_lines_name_carry_forward_and_the_grades_where_the_unit_has_them(browser, identity, marks):
    welsh = teacher_in(browser, identity, "cy")
    linear, outcomes = samples.linear(marks), samples.criminology(marks)
    assert ("Llinell 2, ymgeisydd 1054: Rhowch rif cyfan o 0 i 120 ar gyfer Task 1, neu A os oedd yr ymgeisydd yn "
            "absennol, neu C/CF i gario ymlaen.") in upload(welsh, linear, "candidate_number,Task 1\n1054,x\n")
    assert "Llinell 2, ymgeisydd 1054: Dewiswch Pass, Merit, Distinction neu Absent (absennol)." in upload(
        welsh, outcomes, "candidate_number,outcome\n1054,Great\n")


@pytest.mark.parametrize("code,params", SERVICE_LINES)
def test_every_code_the_service_sends_has_welsh_words_with_its_params_filled_in(app, code, params):
    error = {"line": 2, "candidate_number": "1054", "code": code, "params": params, "message": "SERVICE WORDS"}
    with app.test_request_context(headers={"Accept-Language": "en"}):
        english = line_message(error)
    with app.test_request_context(headers={"Accept-Language": "cy"}):
        welsh = line_message(error)
    assert "SERVICE WORDS" not in (english, welsh)
    assert welsh != english and "%(" not in welsh
    shown = [str(v) for k, v in params.items() if isinstance(v, (str, int)) and not isinstance(v, bool)
             and v != "" and k != WORDED_WITHOUT.get(code)]
    assert all(value in welsh for value in shown), welsh


def test_a_code_the_gateway_does_not_know_shows_the_service_words(app):
    with app.test_request_context(headers={"Accept-Language": "cy"}):
        assert line_message({"code": "SOMETHING_NEW", "params": {}, "message": "Row too odd."}) == "Row too odd."
        assert line_message({"message": "No code at all."}) == "No code at all."
        assert line_message({"code": "NOT_ENTERED", "params": {}, "message": "x"}) == (
            "Nid yw ymgeisydd (gwag) wedi'i gofrestru ar gyfer yr uned hon yn eich canolfan.")
        assert line_message({"code": "CENTRE_INVALID", "params": None, "message": "Centre 1 is wrong."}) == (
            "Centre 1 is wrong.")
