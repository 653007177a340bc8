"""A sampled candidate's work marked missing: the substitute chosen, the original kept with its flag, undo, refusals."""
from datetime import datetime, timezone

import pytest

from sampling.domain.errors import (AddedByCentre, AlreadySubstituted, IsSubstitute, NoSubstitute, NoteMissing,
                                    NoteTooLong, NoteUnreadable, NotInSample, NotOffered, SystemChoice,
                                    ModeratorChoice)
from sampling.domain.sample import Sample, SampleMember
from sampling.domain.selection import choose_sample
from sampling.domain.submitted import SubmittedCandidate, SubmittedMarksheet

AT = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)


def sample_of(count: int = 40) -> Sample:
    """`count` candidates 1000.. with totals 1..count, and one absent: a sample of 15."""
    candidates = [SubmittedCandidate(f"{1000 + n}", "marked", total=n + 1, initials="AB") for n in range(count)]
    candidates.append(SubmittedCandidate("9999", "absent"))
    sheet = SubmittedMarksheet("s-1", 7, "3700U1", "68101", "marks", (), tuple(candidates))
    return Sample.generated("smp-1", sheet, choose_sample(sheet), AT)


def spread_member(sample: Sample):
    return next(m for m in sample.members if m.reason == "spread")


def test_the_substitute_joins_after_the_original_which_stays_flagged_with_the_note():
    sample = sample_of()
    original = spread_member(sample)
    offered = [c.candidate_number for c in sample.nearest(original.candidate_number).offered]
    assert len(offered) == 2 and all(sample.member(n) is None for n in offered)

    added = sample.substitute(original.candidate_number, offered[1], "  Lost in the flood. ", "t-1", AT)
    assert (added.candidate_number, added.reason, added.substitute_for) == (offered[1], "substitute",
                                                                             original.candidate_number)
    assert (added.added_by, added.added_at) == ("t-1", AT)
    assert original.work_missing and original.reason == "spread" and original.note_to_moderator == "Lost in the flood."
    numbers = [m.candidate_number for m in sample.members]
    assert numbers[numbers.index(original.candidate_number) + 1] == offered[1] and len(numbers) == 16
    assert sample.version == 2
    listed = {c["candidate_number"]: c for c in sample.as_event()["candidates"]}
    assert listed[original.candidate_number] == {
        "candidate_number": original.candidate_number, "reason": "spread", "work_missing": True,
        "substitute_for": None, "note_to_moderator": "Lost in the flood."}
    assert listed[offered[1]]["substitute_for"] == original.candidate_number


def test_undo_takes_the_substitute_out_and_clears_the_flag():
    sample = sample_of()
    original = spread_member(sample)
    substitute = sample.nearest(original.candidate_number).offered[0].candidate_number
    sample.substitute(original.candidate_number, substitute, "Incomplete", "t-1", AT)
    removed = sample.undo_substitute(original.candidate_number)
    assert removed.candidate_number == substitute and sample.member(substitute) is None
    assert not original.work_missing and original.note_to_moderator is None
    assert len(sample.members) == 15 and sample.version == 3
    with pytest.raises(NoSubstitute):
        sample.undo_substitute(original.candidate_number)


def test_taking_out_the_substitute_itself_is_the_same_undo():
    sample = sample_of()
    original = spread_member(sample)
    substitute = sample.nearest(original.candidate_number).offered[0].candidate_number
    sample.substitute(original.candidate_number, substitute, "Incomplete", "t-1", AT)
    sample.remove(substitute)
    assert not original.work_missing and len(sample.members) == 15


def test_only_an_offered_candidate_may_be_the_substitute():
    sample = sample_of()
    original = spread_member(sample)
    offered = {c.candidate_number for c in sample.nearest(original.candidate_number).offered}
    already_in = next(m.candidate_number for m in sample.members if m is not original)
    far_away = next(f"{1000 + n}" for n in range(40) if f"{1000 + n}" not in offered and sample.member(f"{1000 + n}")
                    is None)
    for refused in (already_in, far_away, "9999", "4444", original.candidate_number):
        with pytest.raises(NotOffered):
            sample.substitute(original.candidate_number, refused, "Lost", "t-1", AT)
    assert not original.work_missing and len(sample.members) == 15 and sample.version == 1


@pytest.mark.parametrize("note, error", [("", NoteMissing), ("   \n ", NoteMissing), ("x" * 1001, NoteTooLong),
                                         ("Lost\x00", NoteUnreadable), ("Lost \ud800", NoteUnreadable)])
def test_the_note_to_the_moderator_is_required_at_most_1000_characters_and_storable(note, error):
    sample = sample_of()
    original = spread_member(sample)
    substitute = sample.nearest(original.candidate_number).offered[0].candidate_number
    with pytest.raises(error):
        sample.substitute(original.candidate_number, substitute, note, "t-1", AT)
    assert sample.member(substitute) is None
    sample.substitute(original.candidate_number, substitute, "x" * 1000, "t-1", AT)


def test_refusals_for_candidates_outside_the_sample_added_by_the_centre_substitutes_and_twice():
    sample = sample_of()
    with pytest.raises(NotInSample):
        sample.nearest("1020" if sample.member("1020") is None else "4444")
    added = next(f"{1000 + n}" for n in range(40) if sample.member(f"{1000 + n}") is None)
    sample.add(added, "t-1", AT)
    with pytest.raises(AddedByCentre):
        sample.nearest(added)
    original = spread_member(sample)
    substitute = sample.nearest(original.candidate_number).offered[0].candidate_number
    sample.substitute(original.candidate_number, substitute, "Lost", "t-1", AT)
    with pytest.raises(IsSubstitute):
        sample.nearest(substitute)
    with pytest.raises(AlreadySubstituted):
        sample.substitute(original.candidate_number, substitute, "Lost", "t-1", AT)
    with pytest.raises(SystemChoice):
        sample.remove(original.candidate_number)


def test_the_highest_and_lowest_may_be_substituted_too():
    sample = sample_of()
    highest = sample.members[0]
    assert highest.reason == "highest"
    offered = sample.nearest(highest.candidate_number).offered
    assert len(offered) == 1 and offered[0].total < 40  # nothing ranks above the highest


def test_the_centre_cannot_take_out_a_candidate_the_moderator_requested():
    sample = sample_of()
    requested = next(number for number, status in sample.statuses.items()
                     if number not in {m.candidate_number for m in sample.members})
    sample.members.append(SampleMember(requested, "moderator-requested", "moderator-1", AT))
    version = sample.version
    with pytest.raises(ModeratorChoice):
        sample.remove(requested)
    assert sample.member(requested) is not None and sample.version == version
