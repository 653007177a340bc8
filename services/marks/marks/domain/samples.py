"""Which candidates are in a unit's moderation sample at a centre, as the sampling service last said."""
from dataclasses import dataclass


@dataclass(frozen=True)
class SampleMember:
    candidate_number: str
    reason: str


@dataclass(frozen=True)
class SampleChanged:
    """sampling.sample_generated, _extended or _reduced: the whole sample as it now stands."""
    sample_id: str
    unit_id: int
    centre: str
    version: int
    members: tuple[SampleMember, ...]


def mark_sample_members(marks, numbers: set[str]) -> None:
    """Tick the sampled rows of a marksheet (CandidateMark.in_sample) from the numbers held for it."""
    for mark in marks:
        mark.in_sample = mark.entry.candidate_number in numbers
