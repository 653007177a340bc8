"""A submitted marksheet as sampling reads it: who was marked, with what total or grade, by whom."""
from dataclasses import dataclass

MARKED, ABSENT, CARRY_FORWARD = "marked", "absent", "carry_forward"
MARKS, OUTCOMES = "marks", "outcomes"


@dataclass(frozen=True)
class SubmittedCandidate:
    candidate_number: str
    status: str
    total: int | None = None
    outcome: str | None = None
    initials: str | None = None
    surname: str | None = None
    forename: str | None = None


@dataclass(frozen=True)
class SubmittedMarksheet:
    submission_id: str
    unit_id: int
    unit_code: str
    centre: str
    kind: str
    grades: tuple[str, ...]  # lowest to highest
    candidates: tuple[SubmittedCandidate, ...]

    def with_a_mark(self) -> list[SubmittedCandidate]:
        """Those whose work can be moderated; absent and carry-forward candidates never are."""
        if self.kind == OUTCOMES:
            return [c for c in self.candidates if c.status == MARKED and c.outcome is not None]
        return [c for c in self.candidates if c.status == MARKED and c.total is not None]

    def score(self, candidate: SubmittedCandidate) -> int:
        """What ranks a candidate: the total, or the grade's place among the unit's grades."""
        if self.kind == OUTCOMES:
            return self.grades.index(candidate.outcome) if candidate.outcome in self.grades else -1
        return candidate.total
