"""The use cases over a unit of work in memory: one event per change in the same commit, refusals change nothing."""
from datetime import datetime, timezone

import pytest

from sampling.domain.access import Actor
from sampling.domain.errors import BoardStaffOnly, NotAllowed, NotOffered, NotYourCentre, PolicyInvalid, ReadOnly
from sampling.domain.policy import DEFAULT_POLICY
from sampling.domain.submitted import SubmittedCandidate, SubmittedMarksheet
from sampling.service_layer import handlers, policies

AT = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
TEACHER = Actor(user_id="t-1", account_type="user", centres=("68101",), permissions=("iamis",))
STAFF = Actor(user_id="b-1", account_type="board_staff")


def sheet(count: int = 40) -> SubmittedMarksheet:
    return SubmittedMarksheet("s-1", 7, "3700U1", "68101", "marks", (), tuple(
        SubmittedCandidate(f"{1000 + n}", "marked", total=n + 1, initials="AB", surname="Jones", forename="Carys")
        for n in range(count)))


@pytest.fixture
def uow(empty_uow):
    handlers.generate_sample(empty_uow, sheet(), AT)
    return empty_uow


def a_spread_member(uow) -> str:
    return next(m.candidate_number for m in uow.samples.held[(7, "68101")].members if m.reason == "spread")


def test_choosing_a_substitute_publishes_one_extended_event_with_the_whole_sample(uow):
    number = a_spread_member(uow)
    offered = handlers.nearest_candidates(uow, TEACHER, "68101", 7, number).offered
    assert [c.name for c in offered] == ["JONES: CARYS"] * 2
    sample = handlers.choose_substitute(uow, TEACHER, "68101", 7, number, offered[0].candidate_number,
                                        "The folder was lost.", AT)
    [generated, extended] = uow.published
    assert extended.type == "sampling.sample_extended" and extended.data["version"] == 2
    assert (extended.data["candidate_number"], extended.data["reason"]) == (offered[0].candidate_number, "substitute")
    assert len(extended.data["candidates"]) == 16 == len(sample.members)
    flagged = [c for c in extended.data["candidates"] if c["work_missing"]]
    assert [(c["candidate_number"], c["note_to_moderator"]) for c in flagged] == [(number, "The folder was lost.")]
    assert uow.samples.held[(7, "68101")].member(number).work_missing

    handlers.undo_substitute(uow, TEACHER, "68101", 7, number, AT)
    reduced = uow.published[-1]
    assert reduced.type == "sampling.sample_reduced" and reduced.data["version"] == 3
    assert not any(c["work_missing"] for c in reduced.data["candidates"]) and len(reduced.data["candidates"]) == 15


def test_the_substitution_is_checked_against_the_stored_work_not_the_callers_word(uow):
    number = a_spread_member(uow)
    with pytest.raises(NotOffered):
        handlers.choose_substitute(uow, TEACHER, "68101", 7, number, "1000", "Lost", AT)  # total 1: far away
    assert len(uow.published) == 1 and not uow.samples.held[(7, "68101")].member(number).work_missing


@pytest.mark.parametrize("actor, error", [
    (STAFF, ReadOnly),
    (Actor(user_id="t-2", account_type="user", centres=("68102",), permissions=("iamis",)), NotYourCentre),
    (Actor(user_id="t-3", account_type="user", centres=("68101",), permissions=()), NotAllowed)])
def test_board_staff_other_centres_and_users_without_iamis_cannot_substitute(uow, actor, error):
    number = a_spread_member(uow)
    offered = handlers.nearest_candidates(uow, TEACHER, "68101", 7, number).offered[0].candidate_number
    with pytest.raises(error):
        handlers.choose_substitute(uow, actor, "68101", 7, number, offered, "Lost", AT)
    assert len(uow.published) == 1


def test_generation_follows_the_units_policy_once_board_staff_set_it(empty_uow):
    uow = empty_uow
    policies.set_policy(uow, STAFF, 7, [(10, None), (50, 8)], 12, AT)
    sample = handlers.generate_sample(uow, sheet(40), AT)
    assert len(sample.members) == 8 and uow.samples.policies_used == ["unit"]
    shown = policies.read_policy(uow, TEACHER, 7)
    assert not shown.default and shown.policy.bands == ((10, None), (50, 8)) and shown.set_by == "b-1"
    assert policies.reset_policy(uow, STAFF, 7).default and policies.read_policy(uow, STAFF, 7).default


def test_only_board_staff_set_a_policy_and_a_bad_one_changes_nothing(empty_uow):
    uow = empty_uow
    with pytest.raises(BoardStaffOnly):
        policies.set_policy(uow, TEACHER, 7, [(10, None)], 12, AT)
    with pytest.raises(PolicyInvalid):
        policies.set_policy(uow, STAFF, 7, [(10, None), (5, 3)], 12, AT)
    assert uow.policies.held == {} and uow.commits == 0
    assert policies.read_policy(uow, TEACHER, 7).policy == DEFAULT_POLICY
