"""Allocating a moderator: only board staff, checked values, never the same moderator to a centre twice,
and the event that tells the evidence service who may read the centre's evidence."""
from datetime import datetime, timezone

import pytest

from moderation.demo import seed_demo
from moderation.domain.access import Actor
from moderation.domain.errors import (AlreadyAllocated, BadCentreNumber, BadModeratorEmail, BoardStaffOnly,
                                      ModeratorNameRequired, NotAllowedToList)
from moderation.service_layer.handlers import allocate_moderator, list_allocations

NOW = datetime(2026, 5, 1, 9, 30, tzinfo=timezone.utc)
STAFF = Actor(user_id="staff-1", name="Sian Roberts", email="staff@board.example", account_type="board_staff")


def test_board_staff_allocate_a_moderator_and_the_event_names_the_centre_and_the_moderator(uow):
    made = allocate_moderator(uow, STAFF, " 68101 ", " Moderator@Board.Example ", "  Mared   Hughes ", NOW)
    assert (made.centre, made.moderator_email, made.moderator_name, made.allocated_by) == (
        "68101", "moderator@board.example", "Mared Hughes", "staff-1")
    [event] = uow.events("moderation.moderator_allocated")
    assert event.source == "moderation"
    assert event.data == {"allocation_id": made.id, "centre": "68101", "moderator_email": "moderator@board.example",
                          "moderator_name": "Mared Hughes", "allocated_at": "2026-05-01T09:30:00+00:00"}


@pytest.mark.parametrize("account_type", ["moderator", "exams_officer", "admin", "user", ""])
def test_only_board_staff_allocate(uow, account_type):
    actor = Actor(user_id="u-1", email="moderator@board.example", account_type=account_type)
    with pytest.raises(BoardStaffOnly, match="Only board staff can allocate moderators."):
        allocate_moderator(uow, actor, "68101", "moderator@board.example", "Mared Hughes", NOW)
    assert uow.allocations.items == {} and uow.published == []


@pytest.mark.parametrize("centre,email,name,refusal", [
    ("6810", "m@board.example", "Mared Hughes", BadCentreNumber),
    ("68101a", "m@board.example", "Mared Hughes", BadCentreNumber),
    ("", "m@board.example", "Mared Hughes", BadCentreNumber),
    ("68101", "m.board.example", "Mared Hughes", BadModeratorEmail),
    ("68101", "m@board", "Mared Hughes", BadModeratorEmail),
    ("68101", "m@board.example", "   ", ModeratorNameRequired),
    ("68101", "m@board.example", "x" * 201, ModeratorNameRequired),
    ("68101", "m\x00@board.example", "Mared Hughes", BadModeratorEmail),
    ("68101", "m@board.example", "Mared\x00Hughes", ModeratorNameRequired),
])
def test_bad_values_are_refused_with_what_to_enter_and_change_nothing(uow, centre, email, name, refusal):
    with pytest.raises(refusal) as refused:
        allocate_moderator(uow, STAFF, centre, email, name, NOW)
    assert refused.value.message.startswith("Enter ")
    assert uow.allocations.items == {} and uow.published == []


def test_the_same_moderator_is_not_allocated_to_a_centre_twice_but_may_moderate_another(uow):
    allocate_moderator(uow, STAFF, "68101", "moderator@board.example", "Mared Hughes", NOW)
    with pytest.raises(AlreadyAllocated, match="already allocated to this centre"):
        allocate_moderator(uow, STAFF, "68101", "MODERATOR@board.example", "Mared Hughes", NOW)
    allocate_moderator(uow, STAFF, "68102", "moderator@board.example", "Mared Hughes", NOW)
    allocate_moderator(uow, STAFF, "68101", "second@board.example", "Huw Lloyd", NOW)
    assert sorted(uow.allocations.items) == [("68101", "moderator@board.example"), ("68101", "second@board.example"),
                                             ("68102", "moderator@board.example")]
    assert len(uow.events("moderation.moderator_allocated")) == 3


def test_board_staff_list_every_allocation_and_a_moderator_only_their_own(uow):
    allocate_moderator(uow, STAFF, "68101", "moderator@board.example", "Mared Hughes", NOW)
    allocate_moderator(uow, STAFF, "68102", "second@board.example", "Huw Lloyd", NOW)
    assert [a.centre for a in list_allocations(uow, STAFF)] == ["68101", "68102"]
    assert [a.moderator_email for a in list_allocations(uow, STAFF, "68102")] == ["second@board.example"]
    moderator = Actor(user_id="m-1", email="Moderator@board.example", account_type="moderator")
    assert [a.centre for a in list_allocations(uow, moderator)] == ["68101"]
    with pytest.raises(NotAllowedToList):
        list_allocations(uow, Actor(user_id="t-1", email="t@demo-centre.example", account_type="user"))


def test_the_demo_allocation_is_made_once_however_often_it_is_loaded(uow):
    assert seed_demo(lambda: uow, NOW) == ["moderator@board.example to 68101"]
    assert seed_demo(lambda: uow, NOW) == []
    [allocation] = uow.allocations.items.values()
    assert (allocation.centre, allocation.moderator_name, allocation.allocated_by) == ("68101", "Mared Hughes",
                                                                                        "demo-data")
    assert len(uow.events("moderation.moderator_allocated")) == 1
