"""Marks in and out as CSV: a school's MIS file imported whole or not at all, and the export."""
from datetime import datetime

from ..domain.access import Actor, check_read, check_write
from ..domain.audit import MARKS_IMPORTED, MARKSHEET_EXPORTED
from ..domain.errors import UnitNotFound
from ..domain.mark_export import export_csv, export_filename
from ..domain.mark_import import apply_import, read_import
from .audit import entry, record
from .handlers import open_marksheet


def import_marks(uow, actor: Actor, centre: str, unit_id: int, data: bytes, filename: str, now: datetime) -> dict:
    """A deliberate overwrite of the candidates in the file (no `previous` check); refused once submitted."""
    check_write(actor, centre, UnitNotFound)
    with uow:
        sheet = open_marksheet(uow, centre, unit_id, for_update=True)
        sheet.check_open()
        unit = sheet.unit
        rows = read_import(unit, data, {m.entry.candidate_number: m for m in sheet.marks})
        changed, audit = [], []
        for row in rows:
            changes = apply_import(unit, row)
            if changes:
                changed.append(row.mark)
                audit.append(entry(actor, now, MARKS_IMPORTED, centre, unit.id, row.mark.entry.candidate_number,
                                   changes=changes, line=row.line))
        uow.entries.save(changed, actor.user_id, now)
        uow.audit.add(entry(actor, now, MARKS_IMPORTED, centre, unit.id, filename=filename[:200],
                            rows=len(rows), changed=len(changed)), *audit)
        uow.commit()
    return {"imported": len(rows), "counts": sheet.counts().as_dict()}


def export_marks(uow, actor: Actor, centre: str, unit_id: int, now: datetime) -> tuple[str, str]:
    """(file name, CSV text) of the whole marksheet."""
    check_read(actor, centre, UnitNotFound)
    with uow:
        sheet = open_marksheet(uow, centre, unit_id)
        record(uow, actor, now, MARKSHEET_EXPORTED, centre, sheet.unit.id, rows=len(sheet.marks))
        uow.commit()
    return export_filename(sheet.unit, centre), export_csv(sheet.unit, sheet.marks)
