"""A school's MIS file: every row read as if typed; one bad row refuses the file; the export loads back."""
import pytest

from marks.domain.errors import ImportRefused
from marks.domain.mark_export import export_csv, export_filename
from marks.domain.mark_import import apply_import, read_import


@pytest.fixture
def sheet(candidate):
    return {n: candidate(n) for n in ("1054", "3268", "0042")}


def refused_rows(unit, text, sheet):
    with pytest.raises(ImportRefused) as refused:
        read_import(unit, text.encode(), sheet)
    return [(e.line, e.candidate_number, e.message) for e in refused.value.details["errors"]]


def test_a_good_file_sets_marks_absent_and_initials(oracy, sheet):
    text = "\ufeffCandidate_Number,Task 1,Task 2,Initials\r\n1054,15,15,ab\r\n3268,a,,\r\n42,12,,xy\r\n"
    rows = read_import(oracy, text.encode(), sheet)
    changes = [apply_import(oracy, row) for row in rows]
    assert changes[0] == {"task:Task 1": ["", "15"], "task:Task 2": ["", "15"], "initials": ["", "AB"]}
    assert (sheet["1054"].total(oracy), sheet["1054"].complete) == (30, True)
    assert (sheet["3268"].status, sheet["3268"].complete) == ("absent", True)
    assert (sheet["0042"].task_marks, sheet["0042"].initials, sheet["0042"].complete) == ({"Task 1": 12}, "XY", False)


def test_every_bad_row_is_listed_with_its_line_and_reason(oracy, sheet):
    text = ("candidate_number,Task 1,Task 2,initials\n1054,41,15,AB\n9999,1,1,AB\n3268,-2,x,ABCDEF\n"
            "1054,1,1,AB\n42,A,12,AB\n42,1\n")
    assert refused_rows(oracy, text, sheet) == [
        (2, "1054", "The mark for Task 1 must be no more than 40."),
        (3, "9999", "Candidate 9999 is not entered for this unit at your centre."),
        (4, "3268", "Enter a whole number from 0 to 40 for Task 1, or A if the candidate was absent."),
        (4, "3268", "Enter a whole number from 0 to 40 for Task 2, or A if the candidate was absent."),
        (4, "3268", "Enter the teacher's initials: up to 4 letters."),
        (5, "1054", "Candidate 1054 is also on line 2."),
        (6, "0042", "Give either marks, or A (absent), or CF (carry forward) for this candidate, not a mix."),
        (7, "42", "This row has 2 values; the first row names 4 columns."),
    ]
    assert all(m.status == "unmarked" for m in sheet.values())


@pytest.mark.parametrize("text,message", [
    ("candidate_number,Task 1\n1054,15\n", "The first row must name the columns: candidate_number, Task 1, "
                                           "Task 2, initials."),
    ("candidate_number,Task 1,Task 2,initials,comment\n", "The first row must name the columns: candidate_number, "
                                                          "Task 1, Task 2, initials."),
    ("", "The file is empty."),
    ("candidate_number,Task 1,Task 2,initials\n", "The file has no candidate rows."),
])
def test_a_file_without_the_right_columns_or_rows_is_refused(oracy, sheet, text, message):
    assert refused_rows(oracy, text, sheet) == [(1, "", message)]


def test_a_file_that_is_not_text_is_refused(oracy, sheet):
    with pytest.raises(ImportRefused) as refused:
        read_import(oracy, b"\x89PNG\r\n\x1a\n\x00\xff", sheet)
    assert "not a CSV text file" in refused.value.details["errors"][0].message


def test_carry_forward_only_where_allowed(oracy, music, candidate):
    assert refused_rows(oracy, "candidate_number,Task 1,Task 2,initials\n1054,CF,CF,\n", {"1054": candidate()}) == [
        (2, "1054", "You cannot carry forward a mark for this unit."),
        (2, "1054", "You cannot carry forward a mark for this unit.")]
    mark = candidate(unit_id=2)
    [row] = read_import(music, b"candidate_number,Mark,initials\n1054,c,\n", {"1054": mark})
    apply_import(music, row)
    assert mark.status == "carry_forward" and mark.complete


def test_outcomes_are_read_from_the_scale(criminology, candidate):
    marks = {"1054": candidate(unit_id=3), "3268": candidate("3268", unit_id=3)}
    for row in read_import(criminology, b"candidate_number,outcome\n1054,distinction\n3268,ABSENT\n", marks):
        apply_import(criminology, row)
    assert [(m.outcome, m.status) for m in marks.values()] == [("Distinction", "marked"), ("Absent", "absent")]
    assert refused_rows(criminology, "candidate_number,outcome\n1054,Great\n", marks) == [
        (2, "1054", "Choose Pass, Merit, Distinction or Absent.")]


def test_the_export_loads_back_unchanged(oracy, sheet, candidate):
    text = "candidate_number,Task 1,Task 2,initials\n1054,15,15,AB\n3268,A,A,\n42,12,,\n"
    for row in read_import(oracy, text.encode(), sheet):
        apply_import(oracy, row)
    exported = export_csv(oracy, list(sheet.values()))
    assert exported.splitlines() == ["candidate_number,surname,forename,Task 1,Task 2,total,initials",
                                     "1054,Jones,Carys,15,15,30,AB", "3268,Jones,Carys,A,A,,",
                                     "0042,Jones,Carys,12,,,"]
    again = {n: candidate(n) for n in sheet}
    for row in read_import(oracy, exported.encode(), again):
        apply_import(oracy, row)
    assert [(m.status, m.task_marks, m.initials) for m in again.values()] == \
        [(m.status, m.task_marks, m.initials) for m in sheet.values()]
    assert export_filename(oracy, "68101") == "3700U1-68101-marks.csv"
