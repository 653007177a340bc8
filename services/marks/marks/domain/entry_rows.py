"""The board's entries file (or JSON list): every row checked; any problem refuses the whole load."""
from dataclasses import dataclass
from datetime import date, datetime

from .csv_files import CsvUnreadable, read_csv
from .errors import EntriesRefused
from .line_errors import LineError, header_line_error, line_error, unreadable_line_error

ENTRY_COLUMNS = ["centre", "candidate_number", "surname", "forename", "date_of_birth"]
NAME_PUNCTUATION = " '’-."
MAX_NAME = 60
EARLIEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class EntryRow:
    line: int
    centre: str
    candidate_number: str
    surname: str
    forename: str
    date_of_birth: date


def candidate_number(typed: str) -> str | None:
    """Candidate numbers are four digits; 54 and 0054 are the same candidate."""
    value = typed.strip()
    return value.zfill(4) if value.isascii() and value.isdigit() and 1 <= len(value) <= 4 else None


def rows_from_csv(data: bytes) -> list[tuple[int, dict]]:
    try:
        table = read_csv(data)
    except CsvUnreadable as unreadable:
        raise _refused([unreadable_line_error(unreadable)]) from None
    if sorted(table.header) != sorted(ENTRY_COLUMNS):
        raise _refused([header_line_error(ENTRY_COLUMNS)])
    return [(line, dict(zip(table.header, cells))) for line, cells in table.rows]


def rows_from_json(items: list) -> list[tuple[int, dict]]:
    return [(n, item if isinstance(item, dict) else {}) for n, item in enumerate(items, start=1)]


def read_entry_rows(rows: list[tuple[int, dict]], today: date) -> tuple[list[EntryRow], list[LineError]]:
    good, errors, seen = [], [], {}
    for line, raw in rows:
        cells = {name: str(raw.get(name) if raw.get(name) is not None else "").strip() for name in ENTRY_COLUMNS}
        number = candidate_number(cells["candidate_number"])
        shown = number or cells["candidate_number"]
        problems = [line_error(line, shown, code, message, **params)
                    for code, message, params in _problems(cells, number, today)]
        key = (cells["centre"], number)
        if number and key in seen:
            problems.append(line_error(line, shown, "ENTRY_REPEATED", f"Candidate {number} of centre "
                                       f"{cells['centre']} is also on line {seen[key]}.", candidate=number,
                                       centre=cells["centre"], first_line=seen[key]))
        seen.setdefault(key, line)
        errors += problems
        if not problems:
            good.append(EntryRow(line, cells["centre"], number, cells["surname"], cells["forename"],
                                 _date(cells["date_of_birth"])))
    if not rows:
        errors.append(line_error(1, "", "NO_ENTRIES", "There are no entries to load."))
    return good, errors


def _problems(cells: dict, number: str | None, today: date) -> list[tuple]:
    """Each problem of one row as (code, message, params)."""
    problems = [(f"{name.upper()}_MISSING", f"The {name.replace('_', ' ')} is missing.", {})
                for name in ENTRY_COLUMNS if not cells[name]]
    if cells["centre"] and not (len(cells["centre"]) == 5 and cells["centre"].isascii()
                                and cells["centre"].isdigit()):
        problems.append(("CENTRE_INVALID", f"The centre number {cells['centre']} is not 5 digits.",
                         {"centre": cells["centre"]}))
    if cells["candidate_number"] and number is None:
        problems.append(("CANDIDATE_NUMBER_INVALID", f"The candidate number {cells['candidate_number']} is not "
                         "1 to 4 digits.", {"candidate": cells["candidate_number"]}))
    for name in ("surname", "forename"):
        if cells[name] and not _is_name(cells[name]):
            problems.append((f"{name.upper()}_INVALID", f"The {name} {cells[name]!r} must start with a letter "
                             f"and hold only letters, spaces, hyphens and apostrophes (up to {MAX_NAME}).",
                             {"value": cells[name], "max": MAX_NAME}))
    born = _date(cells["date_of_birth"]) if cells["date_of_birth"] else None
    if cells["date_of_birth"] and (born is None or not EARLIEST_BIRTH_YEAR <= born.year or born >= today):
        problems.append(("DATE_OF_BIRTH_INVALID", f"The date of birth {cells['date_of_birth']} is not a real "
                         "past date (write it as YYYY-MM-DD or DD/MM/YYYY).", {"value": cells["date_of_birth"]}))
    return problems


def _is_name(value: str) -> bool:
    return len(value) <= MAX_NAME and value[0].isalpha() and all(c.isalpha() or c in NAME_PUNCTUATION
                                                                  for c in value)


def _date(value: str) -> date | None:
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, layout).date()
        except ValueError:
            continue
    return None


def _refused(errors: list[LineError]) -> EntriesRefused:
    return EntriesRefused(f"The entries were not loaded: {len(errors)} "
                          f"problem{'s' if len(errors) != 1 else ''} found. Nothing was added.", errors=errors)


def refuse(errors: list[LineError]) -> None:
    if errors:
        raise _refused(sorted(errors, key=lambda e: e.line))
