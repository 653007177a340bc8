"""The statements of a save, built once (constructing them per request cost as much as running them) and
prepared once per connection (planning them did too)."""
from datetime import datetime

from sqlalchemy import and_, bindparam, select, update

from ..domain.candidates import CandidateMark
from .orm import entries, marks, marksheet_counts, submissions
from .prepared import Prepared

SHEET_COLUMNS = [entries, marks.c.status, marks.c.task_marks, marks.c.outcome, marks.c.initials, marks.c.complete,
                 marks.c.version]


def _for_change_statement():
    submitted = and_(submissions.c.unit_id == entries.c.unit_id, submissions.c.centre == entries.c.centre)
    counted = and_(marksheet_counts.c.unit_id == entries.c.unit_id, marksheet_counts.c.centre == entries.c.centre)
    return (select(*SHEET_COLUMNS, submissions.c.id.label("submission_id"),
                   marksheet_counts.c.entries.label("sheet_entries"), marksheet_counts.c.done.label("sheet_done"))
            .select_from(entries.join(marks, marks.c.entry_id == entries.c.id)
                         .join(marksheet_counts, counted)
                         .outerjoin(submissions, submitted))
            .where(entries.c.unit_id == bindparam("unit_id"), entries.c.centre == bindparam("centre"),
                   entries.c.candidate_number == bindparam("number")))


def write_marks():
    """One candidate's marks row, whatever its version; `.where(version == b_version)` for a save."""
    return (update(marks).where(marks.c.entry_id == bindparam("b_entry_id"))
            .values(status=bindparam("b_status"), task_marks=bindparam("b_task_marks"),
                    outcome=bindparam("b_outcome"), initials=bindparam("b_initials"),
                    complete=bindparam("b_complete"), updated_at=bindparam("b_at"), updated_by=bindparam("b_by"),
                    version=marks.c.version + 1))


FOR_CHANGE = Prepared("marks_for_change", _for_change_statement())
SAVE = write_marks()


def mark_values(mark: CandidateMark, by: str, at: datetime) -> dict:
    return {"b_entry_id": mark.entry.id, "b_status": mark.status, "b_task_marks": mark.task_marks,
            "b_outcome": mark.outcome, "b_initials": mark.initials, "b_complete": mark.complete, "b_at": at,
            "b_by": by[:100]}
