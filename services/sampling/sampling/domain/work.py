"""The candidates with complete work on a submitted marksheet, and the nearest of them to a candidate.

When a sampled candidate's work is missing or incomplete the centre sends instead the nearest candidate,
higher or lower, with complete work. "Nearest" follows the ranking the sample was chosen from (total or
grade, highest first, ties by candidate number), skipping candidates already in the sample: the first
one above and the first one below. An equal total, or for outcome units the same grade, comes first:
when the first on one side differs from the candidate but the other side holds two equal ones, both of
those are offered instead. So a grade is left only when it has no more than one candidate to offer.
"""
import heapq
from dataclasses import dataclass

from .submitted import SubmittedMarksheet

HIGHER, SAME, LOWER = "higher", "same", "lower"


@dataclass(frozen=True)
class CandidateWork:
    candidate_number: str
    score: int  # the total, or the grade's place among the unit's grades (lowest first)
    total: int | None = None
    outcome: str | None = None
    name: str = ""

    def as_stored(self) -> dict:
        return {"score": self.score, "total": self.total, "outcome": self.outcome, "name": self.name}

    @classmethod
    def stored(cls, number: str, data: dict) -> "CandidateWork":
        return cls(number, data["score"], data.get("total"), data.get("outcome"), data.get("name") or "")


@dataclass(frozen=True)
class Nearest:
    candidate: CandidateWork | None  # the one whose work is missing, as submitted
    offered: tuple[CandidateWork, ...] = ()  # at most two, highest first

    def numbers(self) -> set[str]:
        return {c.candidate_number for c in self.offered}

    def side(self, offered: CandidateWork) -> str:
        """Whether an offered candidate's total or grade is higher, the same or lower."""
        return HIGHER if offered.score > self.candidate.score else SAME if offered.score == self.candidate.score \
            else LOWER


def work_of(sheet: SubmittedMarksheet) -> dict[str, CandidateWork]:
    """Every candidate whose work can be moderated; absent and carry-forward candidates have none."""
    return {c.candidate_number: CandidateWork(c.candidate_number, sheet.score(c), c.total, c.outcome,
                                              _name(c.surname, c.forename))
            for c in sheet.with_a_mark()}


def nearest(work: dict[str, CandidateWork], number: str, taken: set[str]) -> Nearest:
    """The nearest higher and lower candidates with complete work, none of them in `taken`."""
    candidate = work.get(number)
    if candidate is None:
        return Nearest(None)
    free = [c for c in work.values() if c.candidate_number not in taken and c.candidate_number != number]
    above = heapq.nlargest(2, (c for c in free if _rank(c) < _rank(candidate)), key=_rank)  # nearest first
    below = heapq.nsmallest(2, (c for c in free if _rank(c) > _rank(candidate)), key=_rank)
    equal = [side[:2] for side in (above, below) if len(side) == 2 and side[1].score == candidate.score]
    if equal and not all(side and side[0].score == candidate.score for side in (above, below)):
        offered = equal[0]
    else:
        offered = above[:1] + below[:1]
    return Nearest(candidate, tuple(sorted(offered, key=_rank)))


def _rank(candidate: CandidateWork) -> tuple[int, str]:
    return -candidate.score, candidate.candidate_number


def _name(surname: str | None, forename: str | None) -> str:
    return f"{surname.upper()}: {forename.upper()}" if surname and forename else (surname or forename or "").upper()
