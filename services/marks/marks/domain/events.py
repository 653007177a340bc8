"""What the marks service tells the rest of the system, as plain past-tense facts."""
from dataclasses import dataclass
from datetime import date, datetime

from .units import Task


@dataclass(frozen=True)
class EntriesLoaded:
    unit_id: int
    unit_code: str
    series: str
    centre: str
    candidate_numbers: tuple[str, ...]
    late: bool
    loaded_at: datetime


@dataclass(frozen=True)
class SubmittedCandidate:
    candidate_number: str
    surname: str
    forename: str
    task_marks: tuple[tuple[str, int | None], ...]  # in the unit's task order
    total: int | None
    status: str
    outcome: str | None
    initials: str | None


@dataclass(frozen=True)
class MarksheetSubmitted:
    submission_id: str
    unit_id: int
    unit_code: str
    unit_title: str
    series: str
    centre: str
    kind: str
    tasks: tuple[Task, ...]
    grades: tuple[str, ...]
    submitted_at: datetime
    submitted_by_id: str
    submitted_by_name: str
    candidates: tuple[SubmittedCandidate, ...]
    # What the evidence service needs to take the sample's files, and until when they may be deleted.
    evidence_upload: bool
    group_upload: bool
    deadline: date
