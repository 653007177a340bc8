"""The shapes the API answers with (the contract's UNIT, SUMMARY and ROW), as JSON-ready dicts."""
from ..domain.candidates import CandidateMark
from ..domain.marksheet import Counts, Submission
from ..domain.units import INITIALS_FIELD, MARKS, OUTCOME_FIELD, TASK_PREFIX, Series, Unit


def series_view(series: Series) -> dict:
    return {"id": series.id, "name": series.name, "results_day": series.results_day.isoformat()}


def unit_view(unit: Unit) -> dict:
    return {
        "id": unit.id, "code": unit.code, "title": unit.title, "full_title": unit.full_title,
        "series": {"id": unit.series.id, "name": unit.series.name}, "kind": unit.kind,
        "tasks": [{"name": t.name, "max": t.max} for t in unit.tasks], "total_max": unit.total_max,
        "grades": list(unit.grades), "initials_required": unit.initials_required,
        "carry_forward_allowed": unit.carry_forward_allowed, "evidence_upload": unit.evidence_upload,
        "group_upload": unit.group_upload, "deadline": unit.deadline.isoformat(),
    }


def summary_view(unit: Unit, counts: Counts, submission: Submission | None) -> dict:
    return {
        "id": unit.id, "code": unit.code, "title": unit.title, "full_title": unit.full_title, "kind": unit.kind,
        "deadline": unit.deadline.isoformat(), "entries": counts.entries, "done": counts.done, "left": counts.left,
        "submitted": submission is not None, "submitted_count": submission.candidates if submission else 0,
        "can_submit": counts.left == 0 and submission is None, "evidence_upload": unit.evidence_upload,
    }


def row_view(unit: Unit, mark: CandidateMark) -> dict:
    entry = mark.entry
    values = {TASK_PREFIX + t.name: mark.shown(TASK_PREFIX + t.name) for t in unit.tasks}
    values[INITIALS_FIELD] = mark.shown(INITIALS_FIELD)
    values[OUTCOME_FIELD] = mark.shown(OUTCOME_FIELD)
    return {
        "candidate_number": entry.candidate_number, "surname": entry.surname, "forename": entry.forename,
        "name": entry.name, "date_of_birth": entry.date_of_birth.isoformat(), "late_entry": entry.late_entry,
        "task_marks": {t.name: mark.task_marks.get(t.name) for t in unit.tasks} if unit.kind == MARKS else {},
        "status": mark.status, "outcome": mark.outcome, "total": mark.total(unit), "initials": mark.initials,
        "complete": mark.is_complete(unit), "sample": mark.in_sample, "values": values,
    }


def submitted_view(submission: Submission, already: bool) -> dict:
    return {"submitted": submission.candidates, "submitted_at": submission.submitted_at.isoformat(),
            "already_submitted": already}
