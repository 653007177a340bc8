"""A unit's moderation sample at a centre: the system's choices, and the candidates added since."""
from dataclasses import dataclass, field
from datetime import datetime

from .errors import AlreadyInSample, CandidateHasNoWork, CandidateNotSubmitted, NotInSample, SystemChoice
from .selection import CENTRE_ADDED, SYSTEM_REASONS, Choice
from .submitted import MARKED


@dataclass
class SampleMember:
    candidate_number: str
    reason: str
    added_by: str | None = None
    added_at: datetime | None = None


@dataclass
class Sample:
    id: str
    submission_id: str
    unit_id: int
    unit_code: str
    centre: str
    generated_at: datetime
    statuses: dict[str, str]  # every submitted candidate's status, so additions can be checked
    members: list[SampleMember] = field(default_factory=list)
    version: int = 1  # bumped by each change, so readers can ignore an older copy arriving late

    @classmethod
    def generated(cls, sample_id: str, sheet, choices: list[Choice], at: datetime) -> "Sample":
        return cls(id=sample_id, submission_id=sheet.submission_id, unit_id=sheet.unit_id,
                   unit_code=sheet.unit_code, centre=sheet.centre, generated_at=at,
                   statuses={c.candidate_number: c.status for c in sheet.candidates},
                   members=[SampleMember(c.candidate_number, c.reason) for c in choices])

    def member(self, number: str) -> SampleMember | None:
        return next((m for m in self.members if m.candidate_number == number), None)

    def add(self, number: str, user_id: str, at: datetime) -> SampleMember:
        if number not in self.statuses:
            raise CandidateNotSubmitted()
        if self.member(number) is not None:
            raise AlreadyInSample()
        if self.statuses[number] != MARKED:
            raise CandidateHasNoWork()
        added = SampleMember(number, CENTRE_ADDED, added_by=user_id, added_at=at)
        self.members.append(added)
        self.version += 1
        return added

    def remove(self, number: str) -> SampleMember:
        member = self.member(number)
        if member is None:
            raise NotInSample()
        if member.reason in SYSTEM_REASONS:
            raise SystemChoice()
        self.members.remove(member)
        self.version += 1
        return member

    def as_event(self) -> dict:
        return {"sample_id": self.id, "unit_id": self.unit_id, "unit_code": self.unit_code, "centre": self.centre,
                "version": self.version,
                "candidates": [{"candidate_number": m.candidate_number, "reason": m.reason} for m in self.members]}
