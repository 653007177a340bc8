"""Every bad line of a refused file carries a stable code and the params its message needs, for the pages."""
from datetime import date, datetime, timezone

import pytest

from marks.domain.access import Actor
from marks.domain.entry_rows import read_entry_rows, rows_from_csv, rows_from_json
from marks.domain.errors import EntriesRefused, ImportRefused
from marks.domain.mark_import import read_import
from marks.entrypoints.line_errors import line_json
from marks.service_layer import board

TODAY = date(2026, 11, 26)
STAFF = Actor(user_id="s-1", name="Sian Roberts", account_type="board_staff")


def import_codes(unit, text, sheet):
    with pytest.raises(ImportRefused) as refused:
        read_import(unit, text.encode(), sheet)
    return [(e["line"], e["code"], e["params"]) for e in map(line_json, refused.value.details["errors"])]


def entry_codes(errors):
    return [(e["line"], e["code"], e["params"]) for e in map(line_json, errors)]


@pytest.fixture
def sheet(candidate):
    return {n: candidate(n) for n in ("1054", "3268", "0042")}


def test_each_kind_of_bad_import_row_has_its_code_and_params(oracy, sheet):
    text = ("candidate_number,Task 1,Task 2,initials\n1054,41,15,AB\n9999,1,1,AB\n3268,-2,CF,ABCDEF\n"
            "1054,1,1,AB\n42,A,12,AB\n42,1\n,1,1,AB\n")
    assert import_codes(oracy, text, sheet) == [
        (2, "MARK_ABOVE_MAXIMUM", {"task": "Task 1", "max": 40}),
        (3, "NOT_ENTERED", {"candidate": "9999"}),
        (4, "MARK_INVALID", {"task": "Task 1", "max": 40, "carry_forward": False}),
        (4, "CARRY_FORWARD_NOT_ALLOWED", {"task": "Task 2"}),
        (4, "INITIALS_INVALID", {}),
        (5, "CANDIDATE_REPEATED", {"candidate": "1054", "first_line": 2}),
        (6, "MARKS_MIXED", {}),
        (7, "ROW_LENGTH_WRONG", {"values": 2, "columns": 4}),
        (8, "NOT_ENTERED", {"candidate": ""}),
    ]


def test_a_bad_mark_where_carry_forward_is_allowed_says_so(music, candidate):
    assert import_codes(music, "candidate_number,Mark,initials\n1054,lots,\n", {"1054": candidate()}) == [
        (2, "MARK_INVALID", {"task": "Mark", "max": 72, "carry_forward": True})]


def test_a_bad_outcome_names_the_grades(criminology, candidate):
    assert import_codes(criminology, "candidate_number,outcome\n1054,Great\n", {"1054": candidate(unit_id=3)}) == [
        (2, "OUTCOME_INVALID", {"grades": ["Pass", "Merit", "Distinction"]})]


@pytest.mark.parametrize("text,code,params", [
    ("candidate_number,Task 1\n1054,15\n", "COLUMNS_WRONG",
     {"columns": ["candidate_number", "Task 1", "Task 2", "initials"]}),
    ("", "FILE_EMPTY", {}),
    ("candidate_number,Task 1,Task 2,initials\n", "NO_CANDIDATE_ROWS", {}),
])
def test_a_file_without_the_right_columns_or_rows_has_its_code(oracy, sheet, text, code, params):
    assert import_codes(oracy, text, sheet) == [(1, code, params)]


def test_a_file_that_is_not_text_or_too_large_has_its_code(oracy, sheet):
    assert import_codes(oracy, "\x89PNG\x00", sheet) == [(1, "FILE_NOT_TEXT", {})]
    with pytest.raises(ImportRefused) as refused:
        read_import(oracy, b"1" * (4 * 1024 * 1024 + 1), sheet)
    assert [(e["code"], e["params"]) for e in map(line_json, refused.value.details["errors"])] == [
        ("FILE_TOO_LARGE", {"max_mb": 4})]


def test_each_kind_of_bad_entry_has_its_code_and_params():
    _, errors = read_entry_rows(rows_from_json([
        {"centre": "6810", "candidate_number": "12345", "surname": "=SUM(A1)", "forename": "", "date_of_birth": "x"},
        {"centre": "68101", "candidate_number": "1054", "surname": "Jones", "forename": "9",
         "date_of_birth": "2010-01-01"},
        {"centre": "68101", "candidate_number": "1054", "surname": "Evans", "forename": "Huw",
         "date_of_birth": "2010-01-01"},
        {},
    ]), TODAY)
    assert entry_codes(errors) == [
        (1, "FORENAME_MISSING", {}),
        (1, "CENTRE_INVALID", {"centre": "6810"}),
        (1, "CANDIDATE_NUMBER_INVALID", {"candidate": "12345"}),
        (1, "SURNAME_INVALID", {"value": "=SUM(A1)", "max": 60}),
        (1, "DATE_OF_BIRTH_INVALID", {"value": "x"}),
        (2, "FORENAME_INVALID", {"value": "9", "max": 60}),
        (3, "ENTRY_REPEATED", {"candidate": "1054", "centre": "68101", "first_line": 2}),
        *[(4, f"{name}_MISSING", {}) for name in ("CENTRE", "CANDIDATE_NUMBER", "SURNAME", "FORENAME",
                                                 "DATE_OF_BIRTH")],
    ]
    assert entry_codes(read_entry_rows([], TODAY)[1]) == [(1, "NO_ENTRIES", {})]


def test_an_entries_file_with_the_wrong_columns_names_them():
    with pytest.raises(EntriesRefused) as refused:
        rows_from_csv(b"centre,candidate\n")
    assert entry_codes(refused.value.details["errors"]) == [
        (1, "COLUMNS_WRONG", {"columns": ["centre", "candidate_number", "surname", "forename", "date_of_birth"]})]


def test_a_candidate_already_entered_is_refused_with_the_unit_and_centre(uow):
    series = board.create_series(uow, "GCSE November 2025", date(2028, 1, 13))
    unit = board.create_unit(uow, series["id"], {"code": "3700U1", "title": "Oracy", "kind": "marks",
                                                 "deadline": date(2027, 11, 5), "tasks": [{"name": "T", "max": 9}]})
    row = {"centre": "68101", "candidate_number": "54", "surname": "Jones", "forename": "Carys",
           "date_of_birth": "2010-01-02"}
    now = datetime(2026, 11, 26, tzinfo=timezone.utc)
    board.load_entries(uow, STAFF, unit["id"], [(2, row)], now)
    with pytest.raises(EntriesRefused) as refused:
        board.load_entries(uow, STAFF, unit["id"], [(2, row)], now)
    assert entry_codes(refused.value.details["errors"]) == [
        (2, "ALREADY_ENTERED", {"candidate": "0054", "unit": "3700U1", "centre": "68101"})]
