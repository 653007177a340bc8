"""What moderation knows of a centre's unit, from the bus: the submitted marksheet and its current sample.

Both are read models: marks owns the marksheet and sampling the sample; moderation keeps the copy it needs
to show a moderator the candidates and to check a request for further samples.
"""
from dataclasses import dataclass
from datetime import datetime

MARKED = "marked"  # only these have work to moderate: absent and carry-forward candidates have none


@dataclass(frozen=True)
class SubmittedCandidate:
    candidate_number: str
    surname: str
    forename: str
    status: str  # marked, absent, carry_forward (unmarked never reaches a submission)
    total: int | None = None
    outcome: str | None = None
    initials: str | None = None

    @property
    def name(self) -> str:
        """As the marksheet writes it: JONES: CARYS."""
        return f"{self.surname.upper()}: {self.forename.upper()}" if self.forename else self.surname.upper()

    @property
    def has_work(self) -> bool:
        return self.status == MARKED


@dataclass(frozen=True)
class SubmittedUnit:
    """marks.marksheet_submitted, as moderation keeps it per (centre, unit_id)."""
    centre: str
    unit_id: int
    unit_code: str
    unit_title: str
    series: str
    kind: str  # marks or outcomes
    submitted_at: datetime
    candidates: tuple[SubmittedCandidate, ...] = ()

    def candidate(self, number: str) -> SubmittedCandidate | None:
        return next((c for c in self.candidates if c.candidate_number == number), None)


@dataclass(frozen=True)
class SampleMember:
    candidate_number: str
    reason: str


@dataclass(frozen=True)
class CurrentSample:
    """The newest version of the sample that sampling has published (each event carries it whole)."""
    centre: str
    unit_id: int
    version: int
    members: tuple[SampleMember, ...]

    def reason(self, number: str) -> str | None:
        return next((m.reason for m in self.members if m.candidate_number == number), None)
