"""Submissions: at most one per unit and centre (a UNIQUE constraint holds it under races)."""
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from iamis_shared.inserts import insert_once

from ..domain.marksheet import Submission
from .orm import submissions


def submission_from(row) -> Submission:
    return Submission(unit_id=row.unit_id, centre=row.centre, submitted_at=row.submitted_at,
                      submitted_by_id=row.submitted_by_id, submitted_by_name=row.submitted_by_name,
                      candidates=row.candidates, id=row.id)


class SubmissionRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, submission: Submission) -> bool:
        """False if the marksheet was submitted meanwhile (by a request racing this one)."""
        return insert_once(self.session, insert(submissions).values(
            id=submission.id, unit_id=submission.unit_id, centre=submission.centre,
            submitted_at=submission.submitted_at, submitted_by_id=submission.submitted_by_id[:100],
            submitted_by_name=submission.submitted_by_name[:200], candidates=submission.candidates))

    def get(self, unit_id: int, centre: str) -> Submission | None:
        row = self.session.execute(select(submissions).where(submissions.c.unit_id == unit_id,
                                                             submissions.c.centre == centre)).first()
        return submission_from(row) if row else None

    def for_centre(self, centre: str) -> dict[int, Submission]:
        rows = self.session.execute(select(submissions).where(submissions.c.centre == centre))
        return {r.unit_id: submission_from(r) for r in rows}

    def for_unit(self, unit_id: int) -> dict[str, Submission]:
        rows = self.session.execute(select(submissions).where(submissions.c.unit_id == unit_id))
        return {r.centre: submission_from(r) for r in rows}
