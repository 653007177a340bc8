"""Requesting further samples: the allocated moderator or board staff ask for submitted candidates with work who
are not in the sample (or whom the centre added); anything else is refused whole, says why, and changes nothing."""
from datetime import datetime, timezone

import pytest

from moderation.domain.access import Actor
from moderation.domain.errors import (AlreadyInSample, CandidateNumberInvalid, NoCandidates, NotAllowedToRequest,
                                      NotSubmitted, NoWork, SampleNotChosen, TooManyCandidates, UnitNotFound,
                                      UnknownCandidate)
from moderation.domain.model import Allocation
from moderation.domain.units import CurrentSample, SampleMember, SubmittedCandidate, SubmittedUnit
from moderation.service_layer.further_samples import request_further_samples, unit_candidates

NOW = datetime(2027, 5, 20, 10, 0, tzinfo=timezone.utc)
MODERATOR = Actor(user_id="m-1", name="Mared Hughes", email="Moderator@Board.example", account_type="moderator")
STAFF = Actor(user_id="staff-1", name="Sian Roberts", email="staff@board.example", account_type="board_staff")
CANDIDATES = (("0001", "marked", 60), ("0002", "marked", 55), ("0003", "marked", 40), ("0004", "marked", 30),
              ("0005", "absent", None), ("0006", "carry_forward", None), ("0007", "marked", 20))
SAMPLE = {"0001": "highest", "0003": "lowest", "0004": "centre-added"}


def put_unit(uow, centre="68101", unit_id=3, sample=SAMPLE):
    uow.read_models.units[(centre, unit_id)] = SubmittedUnit(
        centre, unit_id, "3653U1", "ART & DESIGN TEXTILE DESIGN", "GCSE JUNE 2027", "marks", NOW,
        tuple(SubmittedCandidate(n, "Jones", "Carys", status, total, None, "AB") for n, status, total in CANDIDATES))
    if sample is not None:
        uow.read_models.samples[(centre, unit_id)] = CurrentSample(
            centre, unit_id, 2, tuple(SampleMember(n, r) for n, r in sample.items()))


@pytest.fixture
def unit(uow):
    put_unit(uow)
    uow.allocations.add(Allocation("a-1", "68101", "moderator@board.example", "Mared Hughes", NOW, "staff-1"))
    return uow


def nothing_changed(uow) -> bool:
    return uow.further_samples.items == [] and uow.published == []


def test_the_allocated_moderator_asks_for_a_candidate_and_one_the_centre_added(unit):
    made = request_further_samples(unit, MODERATOR, "68101", 3, ["2", "0004", "0002"], NOW)
    assert (made.candidate_numbers, made.requested_by, made.requested_by_name) == (("0002", "0004"), "m-1",
                                                                                   "Mared Hughes")
    assert unit.further_samples.items == [made]
    [event] = unit.events("moderation.further_samples_requested")
    assert event.source == "moderation"
    assert event.data == {"request_id": made.id, "centre": "68101", "unit_id": 3, "unit_code": "3653U1",
                          "candidate_numbers": ["0002", "0004"],
                          "requested_by": {"user_id": "m-1", "name": "Mared Hughes"},
                          "requested_at": "2027-05-20T10:00:00+00:00"}


def test_board_staff_ask_at_any_centre(uow):
    put_unit(uow, centre="68102")
    made = request_further_samples(uow, STAFF, "68102", 3, ["0007"], NOW)
    assert made.centre == "68102" and len(uow.events("moderation.further_samples_requested")) == 1


@pytest.mark.parametrize("actor, centre, refusal", [
    (MODERATOR, "68102", UnitNotFound),  # another centre's unit looks like a missing one
    (Actor(user_id="m-2", email="other@board.example", account_type="moderator"), "68101", UnitNotFound),
    (Actor(user_id="m-3", email="", account_type="moderator"), "68101", UnitNotFound),
    (Actor(user_id="t-1", email="t@demo-centre.example", account_type="user"), "68101", NotAllowedToRequest),
    (Actor(user_id="e-1", email="eo@demo-centre.example", account_type="exams_officer"), "68101", NotAllowedToRequest),
])
def test_only_the_centres_moderator_and_board_staff_may_ask_or_look(unit, actor, centre, refusal):
    put_unit(unit, centre="68102")
    with pytest.raises(refusal):
        request_further_samples(unit, actor, centre, 3, ["0002"], NOW)
    with pytest.raises(refusal):
        unit_candidates(unit, actor, centre, 3)
    assert nothing_changed(unit)


@pytest.mark.parametrize("numbers, refusal, message", [
    ([], NoCandidates, "Choose at least one candidate to request as a further sample."),
    ([f"{n:04}" for n in range(100, 151)], TooManyCandidates, "Request at most 50 candidates at a time."),
    (["0002", "0099"], UnknownCandidate,
     "Candidate 0099 is not on the submitted marksheet for this unit. Check the candidate number."),
    (["12345"], CandidateNumberInvalid, "Candidate numbers are up to 4 digits, like 0054."),
    (["0002", "abc"], CandidateNumberInvalid, "Candidate numbers are up to 4 digits, like 0054."),
    ([""], CandidateNumberInvalid, "Candidate numbers are up to 4 digits, like 0054."),
    (["٣"], CandidateNumberInvalid, "Candidate numbers are up to 4 digits, like 0054."),
    (["7" * 100_000], CandidateNumberInvalid, "Candidate numbers are up to 4 digits, like 0054."),
    (["0005"], NoWork, "Candidate 0005 has no work to see: they were absent or their mark is carried forward."),
    (["0006"], NoWork, "Candidate 0006 has no work to see"),
    (["0002", "0001"], AlreadyInSample, "Candidate 0001 is already in the sample."),
])
def test_a_request_with_a_candidate_that_cannot_be_asked_for_is_refused_whole(unit, numbers, refusal, message):
    with pytest.raises(refusal) as refused:
        request_further_samples(unit, MODERATOR, "68101", 3, numbers, NOW)
    assert refused.value.message.startswith(message)
    assert "abc" not in refused.value.message and len(refused.value.message) < 200  # never the input echoed
    assert nothing_changed(unit)


def test_fifty_at_once_is_the_most(uow):
    put_unit(uow)
    uow.read_models.units[("68101", 3)] = SubmittedUnit("68101", 3, "3653U1", "T", "S", "marks", NOW, tuple(
        SubmittedCandidate(f"{n:04}", "Jones", "Carys", "marked", n) for n in range(1, 60)))
    assert len(request_further_samples(uow, STAFF, "68101", 3, [f"{n:04}" for n in range(5, 55)],
                                       NOW).candidate_numbers) == 50


def test_nothing_can_be_asked_for_before_the_unit_is_submitted_and_its_sample_chosen(unit):
    with pytest.raises(NotSubmitted, match="has not submitted the marks for this unit yet"):
        request_further_samples(unit, MODERATOR, "68101", 4, ["0002"], NOW)
    put_unit(unit, unit_id=5, sample=None)
    with pytest.raises(SampleNotChosen, match="has not been chosen yet"):
        request_further_samples(unit, MODERATOR, "68101", 5, ["0002"], NOW)
    with pytest.raises(SampleNotChosen):
        unit_candidates(unit, MODERATOR, "68101", 5)
    assert nothing_changed(unit)


def test_a_candidate_asked_for_is_not_asked_for_twice_even_before_the_sample_shows_them(unit):
    request_further_samples(unit, MODERATOR, "68101", 3, ["0002", "0004"], NOW)
    for number in ("0002", "0004"):
        with pytest.raises(AlreadyInSample):
            request_further_samples(unit, STAFF, "68101", 3, [number], NOW)
    assert len(unit.further_samples.items) == 1


def test_the_candidates_to_choose_from_say_who_is_in_the_sample_and_who_may_be_asked_for(unit):
    request_further_samples(unit, MODERATOR, "68101", 3, ["0007"], NOW)
    held = unit_candidates(unit, MODERATOR, "68101", 3)
    assert held.unit.unit_code == "3653U1" and [r.candidate_numbers for r in held.requests] == [("0007",)]
    assert [(c.candidate.candidate_number, c.in_sample, c.reason, c.requestable) for c in held.candidates] == [
        ("0001", True, "highest", False), ("0002", False, None, True), ("0003", True, "lowest", False),
        ("0004", True, "centre-added", True), ("0005", False, None, False), ("0006", False, None, False),
        ("0007", True, "moderator-requested", False)]
    assert held.candidates[0].candidate.name == "JONES: CARYS"
