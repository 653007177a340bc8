"""The marksheet's options: candidate search, show, sort by, rows per page; one pass over the rows."""
import math
from dataclasses import dataclass

from .candidates import ABSENT, CARRY_FORWARD, MARKED, CandidateMark
from .units import MARKS, Unit

SORTS = ("candidate", "name", "mark")
SHOWS = ("all", "unmarked", "marked", "samples")
ROWS = ("10", "20", "50", "100", "all")


@dataclass(frozen=True)
class SheetQuery:
    search: str = ""
    sort: str = "candidate"
    show: str = "all"
    rows: str = "20"
    page: int = 1


@dataclass(frozen=True)
class SheetPage:
    marks: list[CandidateMark]
    page: int
    pages: int
    total_rows: int


def select_rows(unit: Unit, marks: list[CandidateMark], query: SheetQuery) -> SheetPage:
    wanted = query.search.strip().casefold()
    shown = [m for m in marks if _shows(unit, m, query.show) and wanted in m.entry.surname.casefold()]
    shown.sort(key=_sort_key(unit, query.sort))
    size = len(shown) if query.rows == "all" else int(query.rows)
    pages = max(1, math.ceil(len(shown) / size)) if size else 1
    page = min(max(query.page, 1), pages)
    start = (page - 1) * size
    return SheetPage(shown[start:start + size] if size else [], page, pages, len(shown))


def _shows(unit: Unit, mark: CandidateMark, show: str) -> bool:
    # "Unmarked" lists every candidate still stopping the submission, so it and "Marked" split the sheet.
    if show == "unmarked":
        return not mark.is_complete(unit)
    if show == "marked":
        return mark.is_complete(unit)
    if show == "samples":
        return mark.in_sample
    return True


def _sort_key(unit: Unit, sort: str):
    if sort == "name":
        return lambda m: (m.entry.surname.casefold(), m.entry.forename.casefold(), m.entry.candidate_number)
    if sort == "mark":
        return lambda m: (*_mark_rank(unit, m), m.entry.candidate_number)
    return lambda m: m.entry.candidate_number


def _mark_rank(unit: Unit, mark: CandidateMark) -> tuple[int, int]:
    """Highest mark or grade first, then part-marked, carry forward, absent, and unmarked last."""
    if unit.kind == MARKS:
        total = mark.total(unit)
        if total is not None:
            return 0, -total
        if mark.status == MARKED:
            return 1, -sum(mark.task_marks.values())
    elif mark.status == MARKED:
        return 0, -unit.grades.index(mark.outcome)
    return {CARRY_FORWARD: (2, 0), ABSENT: (3, 0)}.get(mark.status, (4, 0))
