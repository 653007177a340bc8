"""Submitting a marksheet: once, complete, with its event in the same transaction."""
from datetime import datetime

from ..domain.access import Actor, check_write
from ..domain.audit import MARKSHEET_SUBMITTED
from ..domain.errors import UnitNotFound
from .audit import record
from .handlers import open_marksheet
from .outgoing import marksheet_submitted
from .views import submitted_view


def submit(uow, actor: Actor, centre: str, unit_id: int, now: datetime) -> dict:
    """Pressing the button twice (or two people at once) returns the first submission; one event."""
    check_write(actor, centre, UnitNotFound)
    with uow:
        # Locking every candidate's marks row makes a racing save, import or submit wait for this one.
        sheet = open_marksheet(uow, centre, unit_id, for_update=True)
        if sheet.submitted:
            return submitted_view(sheet.submission, already=True)
        event = sheet.submit(actor, now)
        if not uow.submissions.add(sheet.submission):
            uow.rollback()
            return submitted_view(uow.submissions.get(sheet.unit.id, centre), already=True)
        uow.entries.touch_sheet(sheet.unit.id, centre)  # a save that read before this now finds its row changed
        uow.publish(marksheet_submitted(event))
        record(uow, actor, now, MARKSHEET_SUBMITTED, centre, sheet.unit.id,
               submission_id=sheet.submission.id, candidates=sheet.submission.candidates)
        uow.commit()
    return submitted_view(sheet.submission, already=False)
