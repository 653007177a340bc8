"""What evidence knows of a unit at a centre, from the bus: the submitted marksheet and its current sample.

Uploading needs both: the guide tells centres not to upload until marks are submitted and the sample is
generated. Each sampled candidate takes files, except one whose work the centre marked as missing or incomplete
(the guide: "The incomplete work should not be uploaded"; its substitute's work is uploaded instead). The unit
itself takes files only if it is set for group upload.
"""
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from .errors import DeadlinePassed, NotAnUploadUnit, NotGroupUpload, NotInSample, NotSubmitted, WorkMissing

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class SubmittedCandidate:
    candidate_number: str
    surname: str
    forename: str


@dataclass(frozen=True)
class SubmittedUnit:
    """marks.marksheet_submitted, as evidence keeps it per (centre, unit_id)."""
    centre: str
    unit_id: int
    unit_code: str
    unit_title: str
    series: str
    kind: str
    deadline: date  # "Deadline for submission of samples and cover sheets to moderator"
    evidence_upload: bool
    group_upload: bool
    submitted_at: datetime
    candidates: tuple[SubmittedCandidate, ...] = ()


@dataclass(frozen=True)
class SampleMember:
    candidate_number: str
    reason: str
    work_missing: bool = False  # the centre marked the work missing or incomplete: it takes no files
    substitute_for: str | None = None  # the candidate whose missing work this one's replaces
    note_to_moderator: str | None = None  # the centre's reason, on the candidate whose work is missing


@dataclass(frozen=True)
class CurrentSample:
    """The newest version of the sample that sampling has published (each event carries it whole)."""
    centre: str
    unit_id: int
    version: int
    members: tuple[SampleMember, ...]

    def member(self, candidate_number: str) -> SampleMember | None:
        return next((m for m in self.members if m.candidate_number == candidate_number), None)


def check_upload_target(unit: SubmittedUnit | None, sample: CurrentSample | None,
                        candidate_number: str | None) -> None:
    """A candidate's files need the candidate in the sample with work to send; the unit's own (None) need
    group upload."""
    if unit is None:
        raise NotSubmitted()
    if not unit.evidence_upload:
        raise NotAnUploadUnit()
    if sample is None:
        raise NotSubmitted()
    if candidate_number is None:
        if not unit.group_upload:
            raise NotGroupUpload()
        return
    member = sample.member(candidate_number)
    if member is None:
        raise NotInSample()
    if member.work_missing:
        raise WorkMissing()


def deadline_passed(deadline: date, now: datetime) -> bool:
    """The whole deadline day counts, as the day is in Wales and England."""
    return now.astimezone(LONDON).date() > deadline


def check_can_delete(unit: SubmittedUnit, now: datetime) -> None:
    if deadline_passed(unit.deadline, now):
        raise DeadlinePassed(f"Files can be deleted only up to the deadline for submission of samples to the "
                             f"moderator ({unit.deadline:%d/%m/%Y}).")
