"""The use cases over the fake unit of work: what a teacher and the board see, audit and events."""
from datetime import date, datetime, timezone

import pytest

from marks.domain.access import Actor
from marks.domain.errors import CandidateNotFound, MarksheetLocked, UnitNotFound, ValueChanged
from marks.domain.marksheet_query import SheetQuery
from marks.service_layer import board, handlers, submission, transfers

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
STAFF = Actor(user_id="s-1", name="Sian Roberts", account_type="board_staff")
TEACHER = Actor(user_id="t-1", name="Tomos Jones", email="teacher@demo-centre.example", account_type="user",
                centres=("68101",), permissions=("iamis",))


def entry(centre, number, surname="Jones"):
    return {"centre": centre, "candidate_number": number, "surname": surname, "forename": "Carys",
            "date_of_birth": "2010-01-02"}


@pytest.fixture
def unit_id(uow):
    series = board.create_series(uow, "GCSE November 2025", date(2028, 1, 13))
    unit = board.create_unit(uow, series["id"], {
        "code": "3700u1", "title": "English Language Unit 1 Oracy", "kind": "marks", "deadline": date(2027, 11, 5),
        "tasks": [{"name": "Task 1", "max": 40}, {"name": "Task 2", "max": 40}], "initials_required": True})
    rows = [(1, entry("68101", "1054")), (2, entry("68101", "3268", "Evans")), (3, entry("68102", "2003"))]
    board.load_entries(uow, STAFF, unit["id"], rows, NOW)
    return unit["id"]


def save(uow, unit_id, number, field, value, previous=""):
    return handlers.save_field(uow, TEACHER, "68101", unit_id, number, field, value, previous, NOW)


def test_the_iamis_list_shows_done_and_left_per_unit(uow, unit_id):
    save(uow, unit_id, "1054", "task:Task 1", "a")
    [box] = handlers.list_units(uow, TEACHER, "68101")["series"]
    assert box["name"] == "GCSE NOVEMBER 2025"
    assert [(u["full_title"], u["entries"], u["done"], u["left"], u["can_submit"]) for u in box["units"]] == [
        ("GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)", 2, 1, 1, False)]


def test_reading_a_marksheet_is_audited_and_shows_only_the_centre(uow, unit_id):
    sheet = handlers.read_marksheet(uow, TEACHER, "68101", unit_id, SheetQuery(), NOW)
    assert [r["name"] for r in sheet["rows"]] == ["JONES: CARYS", "EVANS: CARYS"]
    assert sheet["counts"] == {"entries": 2, "done": 0, "left": 2}
    [read] = [e for e in uow.audit.entries if e.action == "marksheet_read"]
    assert (read.user_id, read.user_email, read.centre, read.unit_id) == ("t-1", TEACHER.email, "68101", unit_id)


def test_a_saved_field_is_kept_with_its_old_and_new_value_in_the_audit(uow, unit_id):
    saved = save(uow, unit_id, "1054", "task:Task 1", " 7")
    assert saved["row"]["values"]["task:Task 1"] == "7" and saved["counts"]["left"] == 2
    assert uow.entries.sheet(unit_id, "68101")[0].task_marks == {"Task 1": 7}
    last = uow.audit.entries[-1]
    assert (last.action, last.candidate_number, last.detail) == (
        "mark_changed", "1054", {"field": "task:Task 1", "old": "", "new": "7"})


def test_a_conflict_changes_nothing_and_carries_the_current_row(uow, unit_id):
    save(uow, unit_id, "1054", "task:Task 1", "23")
    with pytest.raises(ValueChanged) as refused:
        save(uow, unit_id, "1054", "task:Task 1", "15", "")
    assert refused.value.details["row"]["values"]["task:Task 1"] == "23"
    assert uow.entries.sheet(unit_id, "68101")[0].task_marks == {"Task 1": 23}


def test_a_candidate_changed_by_others_before_every_write_is_a_conflict_that_changes_nothing(uow, unit_id,
                                                                                             monkeypatch):
    write = uow.entries.save_if_unchanged

    def others_first(mark, audited):
        uow.entries.versions[mark.entry.id] += 1  # another change of this candidate landed after the read
        return write(mark, audited)
    monkeypatch.setattr(uow.entries, "save_if_unchanged", others_first)
    with pytest.raises(ValueChanged) as refused:
        save(uow, unit_id, "1054", "task:Task 1", "15")
    assert str(refused.value) == ("Someone else is changing this candidate's marks right now. Check them before you "
                                  "change them.")
    assert refused.value.details["current"] == "" and refused.value.details["row"]["values"]["task:Task 1"] == ""
    assert uow.entries.sheet(unit_id, "68101")[0].task_marks == {} and "mark_changed" not in uow.actions()


def test_unknown_candidates_and_other_centres_are_not_found(uow, unit_id):
    with pytest.raises(CandidateNotFound):
        save(uow, unit_id, "2003", "task:Task 1", "1")  # 68102's candidate
    with pytest.raises(UnitNotFound):
        handlers.read_marksheet(uow, TEACHER, "68102", unit_id, SheetQuery(), NOW)
    with pytest.raises(UnitNotFound):
        save(uow, unit_id + 1, "1054", "task:Task 1", "1")


def test_submitting_twice_publishes_one_event_and_locks_every_write(uow, unit_id):
    for number in ("1054", "3268"):
        save(uow, unit_id, number, "task:Task 1", "A")
    first = submission.submit(uow, TEACHER, "68101", unit_id, NOW)
    again = submission.submit(uow, TEACHER, "68101", unit_id, NOW)
    assert (first["submitted"], first["already_submitted"], again["already_submitted"]) == (2, False, True)
    [event] = uow.events("marks.marksheet_submitted")
    assert [c["status"] for c in event.data["candidates"]] == ["absent", "absent"]
    assert event.data["submitted_by"] == {"user_id": "t-1", "name": "Tomos Jones"}
    with pytest.raises(MarksheetLocked):
        save(uow, unit_id, "1054", "task:Task 1", "12", "A")
    with pytest.raises(MarksheetLocked):
        transfers.import_marks(uow, TEACHER, "68101", unit_id, b"candidate_number,Task 1,Task 2,initials\n", "f", NOW)


def test_an_import_audits_each_changed_candidate_and_the_file(uow, unit_id):
    data = b"candidate_number,Task 1,Task 2,initials\n1054,15,15,AB\n3268,,,\n"
    assert transfers.import_marks(uow, TEACHER, "68101", unit_id, data, "class.csv", NOW) == {
        "imported": 2, "counts": {"entries": 2, "done": 1, "left": 1}}
    imported = [e for e in uow.audit.entries if e.action == "marks_imported"]
    assert [(e.candidate_number, e.detail.get("changed")) for e in imported] == [(None, 1), ("1054", None)]
    name, text = transfers.export_marks(uow, TEACHER, "68101", unit_id, NOW)
    assert name == "3700U1-68101-marks.csv" and "1054,Jones,Carys,15,15,30,AB" in text
    assert uow.actions()[-1] == "marksheet_exported"


def test_late_entries_are_flagged_and_announced(uow, unit_id):
    loaded = board.load_entries(uow, STAFF, unit_id, [(1, entry("68101", "4000", "Hughes")),
                                                      (2, entry("68103", "1000"))], NOW)
    assert loaded == {"added": 2, "late": 1, "centres": ["68101", "68103"]}
    events = [(e.data["centre"], e.data["late"], e.data["candidate_numbers"])
              for e in uow.events("marks.entries_loaded")]
    assert events[-2:] == [("68101", True, ["4000"]), ("68103", False, ["1000"])]
    rows = handlers.read_marksheet(uow, TEACHER, "68101", unit_id, SheetQuery(), NOW)["rows"]
    assert [(r["candidate_number"], r["late_entry"]) for r in rows] == [("1054", False), ("3268", False),
                                                                        ("4000", True)]
    assert board.centre_overview(uow, unit_id) == [
        {"centre": "68101", "entries": 3, "done": 0, "submitted": False},
        {"centre": "68102", "entries": 1, "done": 0, "submitted": False},
        {"centre": "68103", "entries": 1, "done": 0, "submitted": False}]
