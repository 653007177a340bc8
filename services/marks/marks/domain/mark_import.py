"""A school's MIS file of marks or outcomes: every row read as if typed; any bad row refuses the file."""
from dataclasses import dataclass, field

from iamis_shared.errors import DomainError

from .candidates import ABSENT, CARRY_FORWARD, MARKED, UNMARKED, CandidateMark
from .csv_files import CsvUnreadable, read_csv
from .entry_rows import candidate_number
from .errors import ImportRefused
from .fields import read_initials, read_outcome, read_task_value
from .line_errors import LineError, field_line_error, header_line_error, line_error, unreadable_line_error
from .units import ABSENT_OUTCOME, INITIALS_FIELD, MARKS, OUTCOME_FIELD, Unit

IGNORED_COLUMNS = ("surname", "forename", "total")  # what the export adds, so an export loads back


@dataclass
class ImportedRow:
    line: int
    mark: CandidateMark
    status: str = UNMARKED
    task_marks: dict[str, int] = field(default_factory=dict)
    outcome: str | None = None
    initials: str | None = None


def import_columns(unit: Unit) -> list[str]:
    if unit.kind != MARKS:
        return ["candidate_number", OUTCOME_FIELD]
    return ["candidate_number", *(t.name for t in unit.tasks)] + ([INITIALS_FIELD] if unit.initials_required else [])


def read_import(unit: Unit, data: bytes, marks: dict[str, CandidateMark]) -> list[ImportedRow]:
    """The rows of the file, all valid, or ImportRefused listing every bad row and why."""
    expected = import_columns(unit)
    try:
        table = read_csv(data)
    except CsvUnreadable as unreadable:
        raise _refused([unreadable_line_error(unreadable)]) from None
    wanted = [c.casefold() for c in expected]
    if sorted(c for c in table.header if c not in IGNORED_COLUMNS) != sorted(wanted):
        raise _refused([header_line_error(expected)])
    rows, errors, seen = [], [], {}
    for line, cells in table.rows:
        values = dict(zip(table.header, cells))
        number = candidate_number(values.get("candidate_number", ""))
        typed = values.get("candidate_number", "")
        if len(cells) != len(table.header):
            errors.append(line_error(line, typed, "ROW_LENGTH_WRONG", f"This row has {len(cells)} values; the "
                                     f"first row names {len(table.header)} columns.", values=len(cells),
                                     columns=len(table.header)))
        elif number is None or number not in marks:
            errors.append(line_error(line, typed, "NOT_ENTERED", f"Candidate {typed or '(blank)'} is not "
                                     "entered for this unit at your centre.", candidate=typed))
        elif number in seen:
            errors.append(line_error(line, number, "CANDIDATE_REPEATED", f"Candidate {number} is also on line "
                                     f"{seen[number]}.", candidate=number, first_line=seen[number]))
        else:
            seen[number] = line
            row, problems = _read_row(unit, line, marks[number], values)
            errors += problems
            rows.append(row)
    if not table.rows:
        errors.append(line_error(1, "", "NO_CANDIDATE_ROWS", "The file has no candidate rows."))
    if errors:
        raise _refused(errors)
    return rows


def _read_row(unit: Unit, line: int, mark: CandidateMark, values: dict) -> tuple[ImportedRow, list[LineError]]:
    row, problems, number = ImportedRow(line, mark), [], mark.entry.candidate_number

    def read(reader, *args):
        try:
            return reader(*args)
        except DomainError as refused:
            problems.append(field_line_error(line, number, refused))
            return None

    if unit.kind != MARKS:
        row.outcome = read(read_outcome, unit, values[OUTCOME_FIELD])
        row.status = UNMARKED if row.outcome is None else ABSENT if row.outcome == ABSENT_OUTCOME else MARKED
        return row, problems
    entries = {t.name: read(read_task_value, unit, t, values[t.name.casefold()]) for t in unit.tasks}
    if unit.initials_required:
        row.initials = read(read_initials, values[INITIALS_FIELD])
    kinds = {e.kind for e in entries.values() if e is not None and e.kind != "clear"}
    if len(kinds) > 1 and kinds & {"absent", "carry_forward"}:
        problems.append(line_error(line, number, "MARKS_MIXED", "Give either marks, or A (absent), or CF (carry "
                                   "forward) for this candidate, not a mix."))
    elif kinds == {"absent"}:
        row.status = ABSENT
    elif kinds == {"carry_forward"}:
        row.status = CARRY_FORWARD
    else:
        row.task_marks = {name: e.mark for name, e in entries.items() if e is not None and e.kind == "mark"}
        row.status = MARKED if row.task_marks else UNMARKED
    return row, problems


def apply_import(unit: Unit, row: ImportedRow) -> dict[str, list[str]]:
    """Overwrite the candidate with the row; returns {field: [old, new]} for what changed."""
    mark = row.mark
    before = {f: mark.shown(f) for f in unit.fields}
    mark.status, mark.task_marks, mark.outcome = row.status, row.task_marks, row.outcome
    if unit.initials_required:
        mark.initials = row.initials
    mark.complete = mark.is_complete(unit)
    return {f: [before[f], mark.shown(f)] for f in unit.fields if before[f] != mark.shown(f)}


def _refused(errors: list[LineError]) -> ImportRefused:
    return ImportRefused(f"The file was not imported: {len(errors)} problem{'s' if len(errors) != 1 else ''} "
                         "found. Correct the file and upload it again. No marks were changed.", errors=errors)
