"""The board's entries, from a CSV file or JSON: every row checked, all or nothing."""
from datetime import date

import pytest

from marks.domain.entry_rows import read_entry_rows, rows_from_csv, rows_from_json
from marks.domain.errors import EntriesRefused

TODAY = date(2026, 11, 26)


def test_a_good_file_gives_four_digit_candidate_numbers_and_dates_in_either_form():
    rows = rows_from_csv(b"centre,candidate_number,surname,forename,date_of_birth\n"
                         b"68101,54,ap Gwilym,Si\xc3\xb4n,2010-01-31\n68101,3268,O'Neill-Evans,Huw,28/02/2010\n")
    good, errors = read_entry_rows(rows, TODAY)
    assert errors == []
    assert [(r.line, r.candidate_number, r.surname, r.forename, r.date_of_birth) for r in good] == [
        (2, "0054", "ap Gwilym", "Siôn", date(2010, 1, 31)), (3, "3268", "O'Neill-Evans", "Huw", date(2010, 2, 28))]


def test_every_problem_is_listed_by_line():
    good, errors = read_entry_rows(rows_from_json([
        {"centre": "6810", "candidate_number": "12345", "surname": "=SUM(A1)", "forename": "", "date_of_birth": "x"},
        {"centre": "68101", "candidate_number": 54, "surname": "Jones", "forename": "Carys",
         "date_of_birth": "2030-01-01"},
        {"centre": "68101", "candidate_number": "1054", "surname": "Jones", "forename": "Carys",
         "date_of_birth": "2010-01-01"},
        {"centre": "68101", "candidate_number": "1054", "surname": "Evans", "forename": "Huw",
         "date_of_birth": "2010-01-01"},
        "not an entry",
    ]), TODAY)
    assert [(e.line, e.candidate_number, e.message) for e in errors] == [
        (1, "12345", "The forename is missing."),
        (1, "12345", "The centre number 6810 is not 5 digits."),
        (1, "12345", "The candidate number 12345 is not 1 to 4 digits."),
        (1, "12345", "The surname '=SUM(A1)' must start with a letter and hold only letters, spaces, hyphens "
                     "and apostrophes (up to 60)."),
        (1, "12345", "The date of birth x is not a real past date (write it as YYYY-MM-DD or DD/MM/YYYY)."),
        (2, "0054", "The date of birth 2030-01-01 is not a real past date (write it as YYYY-MM-DD or DD/MM/YYYY)."),
        (4, "1054", "Candidate 1054 of centre 68101 is also on line 3."),
        *[(5, "", f"The {name} is missing.") for name in ("centre", "candidate number", "surname", "forename",
                                                           "date of birth")],
    ]
    assert [r.line for r in good] == [3]


@pytest.mark.parametrize("data,message", [
    (b"centre,candidate,surname,forename,date_of_birth\n", "The first row must name the columns: centre, "
                                                           "candidate_number, surname, forename, date_of_birth."),
    (b"", "The file is empty."),
    (b"\xff\xfe\x00", "The file is not a CSV text file. Save it from your spreadsheet as \"CSV UTF-8 (comma "
                      "delimited)\" and upload it again."),
])
def test_a_file_that_cannot_be_read_is_refused_whole(data, message):
    with pytest.raises(EntriesRefused) as refused:
        rows_from_csv(data)
    assert [(e.line, e.candidate_number, e.message) for e in refused.value.details["errors"]] == [(1, "", message)]


def test_an_empty_load_is_a_problem():
    [error] = read_entry_rows([], TODAY)[1]
    assert (error.line, error.candidate_number, error.message) == (1, "", "There are no entries to load.")
