"""A centre's marksheet for one unit: its candidates, their completeness, and its one submission."""
import uuid
from dataclasses import dataclass
from datetime import datetime

from .access import Actor
from .candidates import CandidateMark
from .errors import MarksheetIncomplete, MarksheetLocked
from .events import MarksheetSubmitted, SubmittedCandidate
from .units import Unit


@dataclass
class Submission:
    unit_id: int
    centre: str
    submitted_at: datetime
    submitted_by_id: str
    submitted_by_name: str
    candidates: int
    id: str = ""


@dataclass(frozen=True)
class Counts:
    entries: int
    done: int

    @property
    def left(self) -> int:
        return self.entries - self.done

    def as_dict(self) -> dict:
        return {"entries": self.entries, "done": self.done, "left": self.left}


@dataclass
class Marksheet:
    unit: Unit
    centre: str
    marks: list[CandidateMark]
    submission: Submission | None = None

    @property
    def submitted(self) -> bool:
        return self.submission is not None

    def counts(self) -> Counts:
        return Counts(len(self.marks), sum(1 for m in self.marks if m.is_complete(self.unit)))

    def check_open(self) -> None:
        if self.submitted:
            raise MarksheetLocked()

    def submit(self, by: Actor, at: datetime) -> MarksheetSubmitted:
        """Lock the marksheet; allowed once, and only when every candidate is complete."""
        self.check_open()
        left = self.counts().left
        if left:
            raise MarksheetIncomplete(
                f"{left} {'candidate still needs' if left == 1 else 'candidates still need'} "
                "a mark or outcome, or teacher initials.", left=left)
        self.submission = Submission(unit_id=self.unit.id, centre=self.centre, submitted_at=at,
                                     submitted_by_id=by.user_id, submitted_by_name=by.name,
                                     candidates=len(self.marks), id=str(uuid.uuid4()))
        return MarksheetSubmitted(
            submission_id=self.submission.id, unit_id=self.unit.id, unit_code=self.unit.code,
            unit_title=self.unit.title, series=self.unit.series.name, centre=self.centre, kind=self.unit.kind,
            tasks=tuple(self.unit.tasks), grades=tuple(self.unit.grades), submitted_at=at,
            submitted_by_id=by.user_id, submitted_by_name=by.name,
            candidates=tuple(self._submitted(m) for m in self.marks), evidence_upload=self.unit.evidence_upload,
            group_upload=self.unit.group_upload, deadline=self.unit.deadline)

    def _submitted(self, mark: CandidateMark) -> SubmittedCandidate:
        entry = mark.entry
        return SubmittedCandidate(
            candidate_number=entry.candidate_number, surname=entry.surname, forename=entry.forename,
            task_marks=tuple((t.name, mark.task_marks.get(t.name)) for t in self.unit.tasks),
            total=mark.total(self.unit), status=mark.status, outcome=mark.outcome, initials=mark.initials)
