"""The sample ticks on the marksheet follow the newest version of the sample the sampling service sent."""
from datetime import date, datetime, timezone

import pytest

from marks.domain.access import Actor
from marks.domain.marksheet_query import SheetQuery
from marks.domain.samples import SampleChanged, SampleMember
from marks.service_layer import board, handlers
from marks.service_layer.samples import record_sample

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
STAFF = Actor(user_id="s-1", name="Sian Roberts", account_type="board_staff")
TEACHER = Actor(user_id="t-1", name="Tomos Jones", account_type="user", centres=("68101",), permissions=("iamis",))


@pytest.fixture
def unit_id(uow):
    series = board.create_series(uow, "GCSE November 2025", date(2028, 1, 13))
    unit = board.create_unit(uow, series["id"], {
        "code": "3700u1", "title": "English Language Unit 1 Oracy", "kind": "marks", "deadline": date(2027, 11, 5),
        "tasks": [{"name": "Task 1", "max": 40}], "initials_required": False})
    rows = [(n, {"centre": "68101", "candidate_number": number, "surname": "Jones", "forename": "Carys",
                 "date_of_birth": "2010-01-02"}) for n, number in enumerate(("1054", "3268", "4001"), 1)]
    board.load_entries(uow, STAFF, unit["id"], rows, NOW)
    return unit["id"]


def sample(unit_id, version, *numbers):
    return SampleChanged("smp-1", unit_id, "68101", version, tuple(SampleMember(n, "spread") for n in numbers))


def ticked(uow, unit_id, show="all"):
    sheet = handlers.read_marksheet(uow, TEACHER, "68101", unit_id, SheetQuery(show=show), NOW)
    return [r["candidate_number"] for r in sheet["rows"] if r["sample"]], [r["candidate_number"] for r in sheet["rows"]]


def test_no_candidate_is_ticked_before_a_sample_arrives(uow, unit_id):
    assert ticked(uow, unit_id) == ([], ["1054", "3268", "4001"])
    assert ticked(uow, unit_id, "samples") == ([], [])


def test_the_sample_ticks_its_candidates_and_show_samples_lists_only_them(uow, unit_id):
    assert record_sample(uow, sample(unit_id, 1, "1054", "4001"))
    assert ticked(uow, unit_id) == (["1054", "4001"], ["1054", "3268", "4001"])
    assert ticked(uow, unit_id, "samples") == (["1054", "4001"], ["1054", "4001"])


def test_an_older_version_arriving_late_changes_nothing(uow, unit_id):
    record_sample(uow, sample(unit_id, 2, "1054", "3268"))
    assert not record_sample(uow, sample(unit_id, 1, "1054"))
    assert ticked(uow, unit_id)[0] == ["1054", "3268"]
