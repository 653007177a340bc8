"""The marksheet as a CSV file: the import's columns plus surname, forename and total, so it loads back."""
import csv
import io

from .candidates import CandidateMark
from .units import INITIALS_FIELD, MARKS, OUTCOME_FIELD, TASK_PREFIX, Unit


def export_columns(unit: Unit) -> list[str]:
    if unit.kind != MARKS:
        return ["candidate_number", "surname", "forename", OUTCOME_FIELD]
    initials = [INITIALS_FIELD] if unit.initials_required else []
    return ["candidate_number", "surname", "forename", *(t.name for t in unit.tasks), "total", *initials]


def export_csv(unit: Unit, marks: list[CandidateMark]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(export_columns(unit))
    for mark in marks:
        entry = mark.entry
        if unit.kind != MARKS:
            values = [mark.shown(OUTCOME_FIELD)]
        else:
            total = mark.total(unit)
            values = [mark.shown(TASK_PREFIX + t.name) for t in unit.tasks] + ["" if total is None else str(total)]
            values += [mark.shown(INITIALS_FIELD)] if unit.initials_required else []
        writer.writerow([entry.candidate_number, entry.surname, entry.forename, *values])
    return out.getvalue()


def export_filename(unit: Unit, centre: str) -> str:
    return f"{unit.code.replace('/', '-')}-{centre}-{'marks' if unit.kind == MARKS else 'outcomes'}.csv"
