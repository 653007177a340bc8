"""The moderator's further samples join the sample as moderator-requested: one sampling.sample_extended per
candidate added or changed, each with the sample as it stood then; a candidate the centre added stays in as
the moderator's; one already in for another reason, or without work, is left as it is."""
from datetime import datetime, timezone

import pytest

from sampling.domain.access import Actor
from sampling.domain.errors import ModeratorChoice, SampleNotFound
from sampling.domain.submitted import SubmittedCandidate, SubmittedMarksheet
from sampling.service_layer import handlers

AT = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
ASKED = datetime(2026, 12, 1, 14, 30, tzinfo=timezone.utc)
TEACHER = Actor(user_id="t-1", account_type="user", centres=("68101",), permissions=("iamis",))


def sheet() -> SubmittedMarksheet:
    """40 marked candidates 1000-1039 (totals 1-40) and one absent, 9999."""
    marked = tuple(SubmittedCandidate(f"{1000 + n}", "marked", total=n + 1, initials="AB") for n in range(40))
    return SubmittedMarksheet("s-1", 7, "3700U1", "68101", "marks", (),
                              (*marked, SubmittedCandidate("9999", "absent")))


@pytest.fixture
def uow(empty_uow):
    handlers.generate_sample(empty_uow, sheet(), AT)
    return empty_uow


def held(uow):
    return uow.samples.held[(7, "68101")]


def outside(uow, count: int) -> list[str]:
    members = {m.candidate_number for m in held(uow).members}
    return [f"{1000 + n}" for n in range(40) if f"{1000 + n}" not in members][:count]


def test_each_candidate_asked_for_joins_with_its_own_event_in_order(uow):
    first, second = outside(uow, 2)
    added = handlers.add_requested_candidates(uow, "68101", 7, [first, second], "m-1", ASKED)
    assert [(m.candidate_number, m.reason, m.added_by, m.added_at) for m in added] == [
        (first, "moderator-requested", "m-1", ASKED), (second, "moderator-requested", "m-1", ASKED)]
    generated, *extended = uow.published
    assert [e.type for e in extended] == ["sampling.sample_extended"] * 2
    assert [(e.data["version"], e.data["candidate_number"], e.data["reason"], e.data["changed_by"],
             e.data["changed_at"]) for e in extended] == [
        (2, first, "moderator-requested", "m-1", "2026-12-01T14:30:00+00:00"),
        (3, second, "moderator-requested", "m-1", "2026-12-01T14:30:00+00:00")]
    # Each event carries the sample as it stood after its own change.
    assert [len(e.data["candidates"]) for e in extended] == [16, 17]
    assert second not in {c["candidate_number"] for c in extended[0].data["candidates"]}
    assert held(uow).version == 3 and held(uow).member(second).reason == "moderator-requested"


def test_a_candidate_the_centre_added_becomes_the_moderators_and_the_centre_cannot_take_them_out(uow):
    [number] = outside(uow, 1)
    handlers.add_candidate(uow, TEACHER, "68101", 7, number, AT)
    [changed] = handlers.add_requested_candidates(uow, "68101", 7, [number], "m-1", ASKED)
    assert (changed.reason, changed.added_by, changed.added_at) == ("moderator-requested", "m-1", ASKED)
    assert uow.published[-1].data["version"] == 3 and len(uow.published[-1].data["candidates"]) == 16
    with pytest.raises(ModeratorChoice, match="You cannot remove candidates requested by the moderator"):
        handlers.remove_candidate(uow, TEACHER, "68101", 7, number, AT)
    assert held(uow).member(number).reason == "moderator-requested"


def test_one_already_in_for_another_reason_or_without_work_is_left_as_it_is(uow):
    system = held(uow).members[0]
    [new] = outside(uow, 1)
    added = handlers.add_requested_candidates(uow, "68101", 7, [system.candidate_number, "9999", "0042", new],
                                              "m-1", ASKED)
    assert [m.candidate_number for m in added] == [new]
    assert held(uow).member(system.candidate_number).reason == system.reason
    assert held(uow).member("9999") is None and held(uow).member("0042") is None
    assert len(uow.published) == 2 and uow.published[-1].data["version"] == 2
    again = handlers.add_requested_candidates(uow, "68101", 7, [new], "m-1", ASKED)  # asked for twice
    assert again == [] and len(uow.published) == 2 and held(uow).version == 2


def test_a_request_before_the_sample_is_chosen_is_refused_so_that_the_consumer_tries_again(empty_uow):
    with pytest.raises(SampleNotFound):
        handlers.add_requested_candidates(empty_uow, "68101", 7, ["1001"], "m-1", ASKED)
    assert empty_uow.published == [] and empty_uow.samples.held == {}
