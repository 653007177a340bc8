"""The centre's use cases: the IAMIS list, reading a marksheet, saving one typed value."""
from datetime import datetime

from ..domain.access import Actor, check_read, check_write
from ..domain.audit import MARK_CHANGED, MARKSHEET_READ
from ..domain.candidates import CandidateMark
from ..domain.entry_rows import candidate_number
from ..domain.errors import CandidateNotFound, MarksheetLocked, UnitNotFound, ValueChanged
from ..domain.marksheet import Counts, Marksheet
from ..domain.marksheet_query import SheetQuery, select_rows
from ..domain.samples import mark_sample_members
from ..domain.units import Unit
from .audit import entry, record
from .views import row_view, summary_view, unit_view

# A save whose row changed between its read and its write reads again; each retry means another change
# to the same candidate landed in that millisecond, so a few are plenty.
SAVE_ATTEMPTS = 5


def centre_unit(uow, unit_id: int) -> Unit:
    unit = uow.units.get(unit_id)
    if unit is None:
        raise UnitNotFound()
    return unit


def open_marksheet(uow, centre: str, unit_id: int, for_update: bool = False) -> Marksheet:
    """The unit's marksheet for the centre; a unit without entries there does not exist for it."""
    unit = centre_unit(uow, unit_id)
    marks = uow.entries.sheet(unit.id, centre, for_update=for_update)
    if not marks:
        raise UnitNotFound()
    return Marksheet(unit, centre, marks, uow.submissions.get(unit.id, centre))


def list_units(uow, actor: Actor, centre: str) -> dict:
    """The IAMIS page: the centre's units with entries, one box per series."""
    check_read(actor, centre)
    with uow:
        units = uow.units.list_entered_by(centre)
        counts, submitted = uow.entries.counts_for_centre(centre), uow.submissions.for_centre(centre)
    boxes: dict[int, dict] = {}
    for unit in units:
        box = boxes.setdefault(unit.series.id, {"id": unit.series.id, "name": unit.series.name, "units": []})
        box["units"].append(summary_view(unit, counts.get(unit.id, Counts(0, 0)), submitted.get(unit.id)))
    return {"centre": centre, "series": list(boxes.values())}


def read_marksheet(uow, actor: Actor, centre: str, unit_id: int, query: SheetQuery, now: datetime) -> dict:
    check_read(actor, centre, UnitNotFound)
    with uow:
        sheet = open_marksheet(uow, centre, unit_id)
        mark_sample_members(sheet.marks, uow.samples.numbers(sheet.unit.id, centre))
        page = select_rows(sheet.unit, sheet.marks, query)
        record(uow, actor, now, MARKSHEET_READ, centre, sheet.unit.id, search=query.search, show=query.show,
               sort=query.sort, page=page.page, rows_shown=len(page.marks))
        uow.commit()
    submission = sheet.submission
    return {"unit": unit_view(sheet.unit), "submitted": submission is not None,
            "submitted_at": submission.submitted_at.isoformat() if submission else None,
            "rows": [row_view(sheet.unit, m) for m in page.marks], "page": page.page, "pages": page.pages,
            "total_rows": page.total_rows, "counts": sheet.counts().as_dict()}


def save_field(uow, actor: Actor, centre: str, unit_id: int, number: str, field_name: str, typed: str,
               previous: str | None, now: datetime) -> dict:
    """One typed value, saved as it is entered; refused if invalid, locked, or changed by someone else.

    Nothing is locked: the row is written only if it is still as read. If another change came first
    (a save, an import, the submission), the row is read again and the value judged against it.
    """
    check_write(actor, centre, UnitNotFound)
    with uow.statement_by_statement():
        for _ in range(SAVE_ATTEMPTS):
            unit, mark, counts = _for_change(uow, centre, unit_id, number)
            try:
                old, new = mark.change(unit, field_name, typed, previous)
            except ValueChanged as changed:
                changed.details["row"] = row_view(unit, mark)
                raise
            if old == new:
                return {"row": row_view(unit, mark), "counts": counts.as_dict()}
            audited = entry(actor, now, MARK_CHANGED, centre, unit.id, mark.entry.candidate_number,
                            field=field_name, old=old, new=new)
            counts = uow.entries.save_if_unchanged(mark, audited)
            if counts is not None:
                uow.commit()
                return {"row": row_view(unit, mark), "counts": counts.as_dict()}
        unit, stored, _ = _for_change(uow, centre, unit_id, number)
    raise ValueChanged("Someone else is changing this candidate's marks right now. Check them before you "
                       "change them.", field=field_name, current=stored.shown(field_name), row=row_view(unit, stored))


def _for_change(uow, centre: str, unit_id: int, number: str) -> tuple[Unit, CandidateMark, Counts]:
    found = uow.entries.for_change(unit_id, centre, candidate_number(number) or "")
    if found is None:
        centre_unit(uow, unit_id)
        raise CandidateNotFound() if uow.entries.has_entries(unit_id, centre) else UnitNotFound()
    mark, submitted, counts = found
    if submitted:
        raise MarksheetLocked()
    return centre_unit(uow, unit_id), mark, counts
