"""The marksheet as a whole: completeness, one submission and the lock; the options of the page."""
from datetime import datetime, timezone

import pytest

from marks.domain.access import Actor
from marks.domain.errors import MarksheetIncomplete, MarksheetLocked
from marks.domain.marksheet import Marksheet
from marks.domain.marksheet_query import SheetQuery, select_rows

AT = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
TEACHER = Actor(user_id="u-1", name="Tomos Jones", account_type="user", centres=("68101",), permissions=("iamis",))


def marked(unit, mark, *values, initials="AB"):
    for task, value in zip(unit.tasks, values):
        mark.change(unit, f"task:{task.name}", value, mark.shown(f"task:{task.name}"))
    if initials:
        mark.change(unit, "initials", initials, mark.initials or "")
    return mark


def test_submission_needs_every_candidate_complete(oracy, candidate):
    sheet = Marksheet(oracy, "68101", [marked(oracy, candidate("1054"), "15", "15"),
                                       marked(oracy, candidate("3268"), "12", "9", initials=None)])
    with pytest.raises(MarksheetIncomplete) as refused:
        sheet.submit(TEACHER, AT)
    assert refused.value.message == "1 candidate still needs a mark or outcome, or teacher initials."
    assert sheet.counts().as_dict() == {"entries": 2, "done": 1, "left": 1}


def test_a_submitted_marksheet_is_locked_and_its_event_holds_every_candidate(oracy, candidate):
    absent = candidate("3268", "Evans", "Huw")
    absent.change(oracy, "task:Task 1", "A", "")
    sheet = Marksheet(oracy, "68101", [marked(oracy, candidate("1054"), "15", "14"), absent])
    event = sheet.submit(TEACHER, AT)
    assert sheet.submitted and sheet.submission.candidates == 2 and sheet.submission.submitted_by_name == "Tomos Jones"
    assert (event.unit_code, event.centre, event.kind, event.submitted_at) == ("3700U1", "68101", "marks", AT)
    assert [(c.candidate_number, dict(c.task_marks), c.total, c.status, c.initials) for c in event.candidates] == [
        ("1054", {"Task 1": 15, "Task 2": 14}, 29, "marked", "AB"),
        ("3268", {"Task 1": None, "Task 2": None}, None, "absent", None)]
    with pytest.raises(MarksheetLocked) as locked:
        sheet.submit(TEACHER, AT)
    assert locked.value.message.startswith("ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED TO WJEC")


@pytest.fixture
def class_of_five(oracy, candidate):
    return [marked(oracy, candidate("1054", "Jones", "Carys"), "15", "15"),
            marked(oracy, candidate("3268", "Williams", "Gwen"), "30", "10"),
            marked(oracy, candidate("1001", "ap Rhys", "Dafydd"), "20", initials=None),
            candidate("2000", "Jenkins", "Elin"),
            marked(oracy, candidate("1500", "Evans", "Huw"), "A", initials=None)]


def numbers(page):
    return [m.entry.candidate_number for m in page.marks]


def test_show_unmarked_and_marked_split_the_sheet_by_completeness(oracy, class_of_five):
    assert numbers(select_rows(oracy, class_of_five, SheetQuery(show="unmarked"))) == ["1001", "2000"]
    assert numbers(select_rows(oracy, class_of_five, SheetQuery(show="marked"))) == ["1054", "1500", "3268"]
    assert numbers(select_rows(oracy, class_of_five, SheetQuery(show="samples"))) == []


def test_sorting_by_candidate_name_or_mark(oracy, class_of_five):
    assert numbers(select_rows(oracy, class_of_five, SheetQuery())) == ["1001", "1054", "1500", "2000", "3268"]
    assert numbers(select_rows(oracy, class_of_five, SheetQuery(sort="name"))) == ["1001", "1500", "2000", "1054",
                                                                                   "3268"]
    # highest total first, then part-marked, absent, and unmarked last
    assert numbers(select_rows(oracy, class_of_five, SheetQuery(sort="mark"))) == ["3268", "1054", "1001", "1500",
                                                                                   "2000"]


def test_outcomes_sort_by_grade_highest_first(criminology, candidate):
    marks = [candidate(n, unit_id=3) for n in ("1001", "1002", "1003", "1004")]
    for mark, grade in zip(marks, ("Pass", "Distinction", "Absent", "Merit")):
        mark.change(criminology, "outcome", grade, "")
    assert numbers(select_rows(criminology, marks, SheetQuery(sort="mark"))) == ["1002", "1004", "1001", "1003"]


def test_search_finds_surnames_whatever_the_case(oracy, class_of_five):
    assert numbers(select_rows(oracy, class_of_five, SheetQuery(search="JEN"))) == ["2000"]
    assert numbers(select_rows(oracy, class_of_five, SheetQuery(search="rhys"))) == ["1001"]
    assert select_rows(oracy, class_of_five, SheetQuery(search="Nobody")).total_rows == 0


def test_rows_per_page_and_pages(oracy, candidate):
    marks = [candidate(str(1000 + n)) for n in range(45)]
    page = select_rows(oracy, marks, SheetQuery(rows="20", page=3))
    assert (page.page, page.pages, page.total_rows, numbers(page)) == (3, 3, 45, [str(1040 + n) for n in range(5)])
    assert select_rows(oracy, marks, SheetQuery(rows="20", page=9)).page == 3  # past the end: the last page
    assert len(select_rows(oracy, marks, SheetQuery(rows="all")).marks) == 45
    assert select_rows(oracy, [], SheetQuery(rows="all")).pages == 1
