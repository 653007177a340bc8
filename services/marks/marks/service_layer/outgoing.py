"""Domain events become outbox envelopes here, validated by the publisher's schema first."""
from iamis_shared.bus.envelope import Envelope, new_envelope

from ..domain.events import EntriesLoaded, MarksheetSubmitted
from ..entrypoints.event_schemas import EntriesLoadedSchema, MarksheetSubmittedSchema

SOURCE = "marks"


def entries_loaded(event: EntriesLoaded) -> Envelope:
    data = {"unit_id": event.unit_id, "unit_code": event.unit_code, "series": event.series, "centre": event.centre,
            "candidate_numbers": list(event.candidate_numbers), "late": event.late,
            "loaded_at": event.loaded_at.isoformat()}
    return new_envelope("marks.entries_loaded", SOURCE, data, EntriesLoadedSchema())


def marksheet_submitted(event: MarksheetSubmitted) -> Envelope:
    data = {
        "submission_id": event.submission_id, "unit_id": event.unit_id, "unit_code": event.unit_code,
        "unit_title": event.unit_title, "series": event.series, "centre": event.centre, "kind": event.kind,
        "tasks": [{"name": t.name, "max": t.max} for t in event.tasks], "grades": list(event.grades),
        "submitted_at": event.submitted_at.isoformat(),
        "submitted_by": {"user_id": event.submitted_by_id, "name": event.submitted_by_name},
        "candidates": [{"candidate_number": c.candidate_number, "surname": c.surname, "forename": c.forename,
                        "task_marks": dict(c.task_marks), "total": c.total, "status": c.status,
                        "outcome": c.outcome, "initials": c.initials} for c in event.candidates],
        "evidence_upload": event.evidence_upload, "group_upload": event.group_upload,
        "deadline": event.deadline.isoformat(),
    }
    return new_envelope("marks.marksheet_submitted", SOURCE, data, MarksheetSubmittedSchema())
