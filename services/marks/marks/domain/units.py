"""Series and units: what a centre enters marks or outcomes for, and the rules of each unit."""
from dataclasses import dataclass
from datetime import date

from .errors import FieldUnknown, UnitInvalid

MARKS, OUTCOMES = "marks", "outcomes"
ABSENT_OUTCOME = "Absent"
INITIALS_FIELD, OUTCOME_FIELD, TASK_PREFIX = "initials", "outcome", "task:"
# Column names of the MIS files; a task may not take one of them as its name.
RESERVED_COLUMNS = ("candidate_number", "surname", "forename", "total", INITIALS_FIELD, OUTCOME_FIELD)


@dataclass(frozen=True)
class Task:
    name: str
    max: int


@dataclass
class Series:
    name: str
    results_day: date
    id: int | None = None


@dataclass
class Unit:
    series: Series
    code: str
    title: str
    kind: str
    deadline: date
    tasks: tuple[Task, ...] = ()
    grades: tuple[str, ...] = ()
    initials_required: bool = False
    carry_forward_allowed: bool = False
    evidence_upload: bool = False
    group_upload: bool = False
    id: int | None = None

    @property
    def full_title(self) -> str:
        return f"{self.series.name} {self.title} ({self.code})"

    @property
    def total_max(self) -> int | None:
        return sum(task.max for task in self.tasks) if self.kind == MARKS else None

    @property
    def fields(self) -> list[str]:
        """The columns a teacher can type into, as PATCH names them."""
        if self.kind == OUTCOMES:
            return [OUTCOME_FIELD]
        return [TASK_PREFIX + task.name for task in self.tasks] + ([INITIALS_FIELD] if self.initials_required else [])

    def task(self, field_name: str) -> Task | None:
        return next((t for t in self.tasks if TASK_PREFIX + t.name == field_name), None)

    def check_field(self, field_name: str) -> None:
        if field_name in self.fields:
            return
        if field_name == INITIALS_FIELD and self.kind == MARKS:
            raise FieldUnknown("This unit does not take teacher initials.", field=field_name)
        raise FieldUnknown(f"This marksheet has no column called {field_name!r}.", field=field_name)

    def grade(self, typed: str) -> str | None:
        """The scale's own spelling of an outcome typed in any case; None if not on the scale."""
        wanted = typed.strip().casefold()
        return next((g for g in (*self.grades, ABSENT_OUTCOME) if g.casefold() == wanted), None)


def check_new_unit(unit: Unit) -> None:
    """The board's rules for a unit; the first broken one is named."""
    problems = _problems(unit)
    if problems:
        raise UnitInvalid(problems[0], problems=problems)


def _problems(unit: Unit) -> list[str]:
    problems = []
    if not unit.code.strip() or not unit.title.strip():
        problems.append("Give the unit a code and a title.")
    if unit.kind == MARKS:
        names = [t.name.strip().casefold() for t in unit.tasks]
        if not unit.tasks:
            problems.append("A unit with marks needs at least one task with a maximum.")
        if any(not n for n in names) or len(set(names)) != len(names):
            problems.append("Every task needs a name of its own.")
        if any(n in RESERVED_COLUMNS for n in names):
            problems.append(f"A task cannot be called any of: {', '.join(RESERVED_COLUMNS)}.")
        if any(t.max < 1 for t in unit.tasks):
            problems.append("Every task's maximum must be at least 1.")
        if unit.grades:
            problems.append("A unit with marks has no outcome scale.")
    elif unit.kind == OUTCOMES:
        grades = [g.strip().casefold() for g in unit.grades]
        if len(grades) < 2 or len(set(grades)) != len(grades) or not all(grades):
            problems.append("A unit with outcomes needs at least two different outcomes.")
        if ABSENT_OUTCOME.casefold() in grades:
            problems.append("Absent is always offered; do not list it as an outcome.")
        if unit.tasks or unit.initials_required or unit.carry_forward_allowed:
            problems.append("A unit with outcomes has no tasks, teacher initials or carry forward.")
    else:
        problems.append("A unit takes either marks or outcomes.")
    return problems
