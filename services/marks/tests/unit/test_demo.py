"""The demo data of the issue: the guide's units for centre 68101, a small set for 68102; loaded once."""
from datetime import datetime, timezone

from marks.demo import seed_demo
from marks.domain.access import Actor
from marks.service_layer import handlers

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)


def units_of(uow, centre):
    reader = Actor(user_id="r", account_type="board_staff")
    return {u["code"]: u for box in handlers.list_units(uow, reader, centre)["series"] for u in box["units"]}


def test_the_demo_units_and_entries_are_those_of_the_guide(uow):
    seed_demo(lambda: uow, NOW)
    ours = units_of(uow, "68101")
    assert {code: u["entries"] for code, u in ours.items()} == {
        "3700U1": 13, "3653U1": 29, "3660U1": 10, "9611/L3": 144, "9791/01": 20}
    assert ours["3700U1"]["full_title"] == "GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)"
    assert all(u["deadline"] > "2026-11-26" and u["done"] == 0 for u in ours.values())
    assert {code: u["entries"] for code, u in units_of(uow, "68102").items()} == {"3700U1": 5, "9611/L3": 4}
    oracy = uow.units.get(ours["3700U1"]["id"])
    assert [(t.name, t.max) for t in oracy.tasks] == [("Task 1", 40), ("Task 2", 40)] and oracy.initials_required
    music = uow.units.get(ours["3660U1"]["id"])
    assert music.carry_forward_allowed and [(t.name, t.max) for t in music.tasks] == [("Mark", 72)]
    assert uow.units.get(ours["9791/01"]["id"]).grades[-1] == "Level 2 Distinction"
    numbers = [m.entry.candidate_number for m in uow.entries.sheet(oracy.id, "68101")]
    assert {"1054", "3268"} <= set(numbers) and len(set(numbers)) == 13 and all(len(n) == 4 for n in numbers)


def test_loading_the_demo_twice_adds_nothing_the_second_time(uow):
    assert seed_demo(lambda: uow, NOW)
    published = len(uow.published)
    assert seed_demo(lambda: uow, NOW) == []
    assert len(uow.published) == published
    assert units_of(uow, "68101")["9611/L3"]["entries"] == 144
