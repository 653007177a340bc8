"""A unit's moderation sample at a centre: the system's choices, and the candidates added since."""
import re
from dataclasses import dataclass, field
from datetime import datetime

from .errors import (AddedByCentre, AlreadyInSample, AlreadySubstituted, CandidateHasNoWork, CandidateNotSubmitted,
                     IsSubstitute, NoSubstitute, NoteMissing, NoteTooLong, NoteUnreadable, NotInSample, NotOffered,
                     ModeratorChoice, SystemChoice)
from .selection import CENTRE_ADDED, MODERATOR_REQUESTED, SUBSTITUTE, SYSTEM_REASONS, Choice
from .submitted import MARKED
from .work import CandidateWork, Nearest, nearest, work_of

NOTE_LENGTH = 1000
UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")  # no text a person types: PostgreSQL cannot store them
# The centre cannot take these out, so for missing work it names a substitute instead.
SUBSTITUTABLE = (*SYSTEM_REASONS, MODERATOR_REQUESTED)


@dataclass
class SampleMember:
    candidate_number: str
    reason: str
    added_by: str | None = None
    added_at: datetime | None = None
    work_missing: bool = False  # the centre said the work is missing or incomplete; it stays listed
    substitute_for: str | None = None  # the candidate whose missing work this one's replaces
    note_to_moderator: str | None = None  # why the work is missing, on the candidate whose work it is


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
    work: dict[str, CandidateWork] = field(default_factory=dict)  # those with complete work, for substitutes

    @classmethod
    def generated(cls, sample_id: str, sheet, choices: list[Choice], at: datetime) -> "Sample":
        return cls(id=sample_id, submission_id=sheet.submission_id, unit_id=sheet.unit_id,
                   unit_code=sheet.unit_code, centre=sheet.centre, generated_at=at,
                   statuses={c.candidate_number: c.status for c in sheet.candidates},
                   members=[SampleMember(c.candidate_number, c.reason) for c in choices], work=work_of(sheet))

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

    def request_by_moderator(self, number: str, user_id: str, at: datetime) -> SampleMember | None:
        """The moderator asks for this candidate's work too: they join as moderator-requested, or one the centre
        added stays in as the moderator's (so the centre can no longer take them out). None when nothing
        changes: moderation checked the request, so this only guards a race (already in for another reason,
        or no work to see)."""
        if self.statuses.get(number) != MARKED:
            return None
        member = self.member(number)
        if member is None:
            member = SampleMember(number, MODERATOR_REQUESTED, added_by=user_id, added_at=at)
            self.members.append(member)
        elif member.reason == CENTRE_ADDED:
            member.reason, member.added_by, member.added_at = MODERATOR_REQUESTED, user_id, at
        else:
            return None
        self.version += 1
        return member

    def remove(self, number: str) -> SampleMember:
        """Takes out a candidate the centre added; a substitute leaves and the missing work is no longer noted."""
        member = self.member(number)
        if member is None:
            raise NotInSample()
        if member.reason in SYSTEM_REASONS:
            raise SystemChoice()
        if member.reason == MODERATOR_REQUESTED:
            raise ModeratorChoice()
        original = self.member(member.substitute_for) if member.substitute_for else None
        if original is not None:
            original.work_missing, original.note_to_moderator = False, None
        self.members.remove(member)
        self.version += 1
        return member

    def nearest(self, number: str) -> Nearest:
        """Whom the centre may send instead of this candidate, whose work is missing or incomplete."""
        self._substitutable(number)
        return nearest(self.work, number, {m.candidate_number for m in self.members})

    def substitute(self, number: str, substitute: str, note: str, user_id: str, at: datetime) -> SampleMember:
        original = self._substitutable(number)
        note = (note or "").strip()
        if not note:
            raise NoteMissing()
        if len(note) > NOTE_LENGTH:
            raise NoteTooLong()
        if UNSTORABLE.search(note):
            raise NoteUnreadable()
        if substitute not in self.nearest(number).numbers():
            raise NotOffered()
        original.work_missing, original.note_to_moderator = True, note
        added = SampleMember(substitute, SUBSTITUTE, added_by=user_id, added_at=at, substitute_for=number)
        self.members.insert(self.members.index(original) + 1, added)  # the moderator reads them together
        self.version += 1
        return added

    def undo_substitute(self, number: str) -> SampleMember:
        """The substitute chosen for `number` leaves; `number` is in the sample as before."""
        if self.member(number) is None:
            raise NotInSample()
        chosen = next((m for m in self.members if m.substitute_for == number), None)
        if chosen is None:
            raise NoSubstitute()
        return self.remove(chosen.candidate_number)

    def _substitutable(self, number: str) -> SampleMember:
        member = self.member(number)
        if member is None:
            raise NotInSample()
        if member.reason == SUBSTITUTE:
            raise IsSubstitute()
        if member.reason not in SUBSTITUTABLE:
            raise AddedByCentre()
        if member.work_missing:
            raise AlreadySubstituted()
        return member

    def as_event(self) -> dict:
        return {"sample_id": self.id, "unit_id": self.unit_id, "unit_code": self.unit_code, "centre": self.centre,
                "version": self.version,
                "candidates": [{"candidate_number": m.candidate_number, "reason": m.reason,
                                "work_missing": m.work_missing, "substitute_for": m.substitute_for,
                                "note_to_moderator": m.note_to_moderator} for m in self.members]}
