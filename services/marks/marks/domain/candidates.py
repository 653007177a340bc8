"""A candidate entered for a unit at a centre, and the marks or outcome the centre gives them."""
from dataclasses import dataclass, field
from datetime import date, datetime

from .errors import ValueChanged
from .fields import SHOWN_ABSENT, SHOWN_CARRY_FORWARD, TaskEntry, read_initials, read_outcome, read_task_value, \
    shown_as_typed
from .units import ABSENT_OUTCOME, INITIALS_FIELD, MARKS, OUTCOME_FIELD, TASK_PREFIX, Unit

UNMARKED, MARKED, ABSENT, CARRY_FORWARD = "unmarked", "marked", "absent", "carry_forward"


@dataclass
class Entry:
    unit_id: int
    centre: str
    candidate_number: str
    surname: str
    forename: str
    date_of_birth: date
    late_entry: bool = False
    loaded_at: datetime | None = None
    id: int | None = None

    @property
    def name(self) -> str:
        return f"{self.surname.upper()}: {self.forename.upper()}"


@dataclass
class CandidateMark:
    entry: Entry
    status: str = UNMARKED
    task_marks: dict[str, int] = field(default_factory=dict)  # only the tasks that have a mark
    outcome: str | None = None
    initials: str | None = None
    complete: bool = False  # kept with the row so counts are one SQL aggregate
    in_sample: bool = False  # in the moderation sample, as the sampling service last said

    def total(self, unit: Unit) -> int | None:
        if unit.kind != MARKS or self.status != MARKED or len(self.task_marks) != len(unit.tasks):
            return None
        return sum(self.task_marks.values())

    def is_complete(self, unit: Unit) -> bool:
        if self.status in (ABSENT, CARRY_FORWARD):
            return True
        if unit.kind == MARKS:
            return self.total(unit) is not None and (bool(self.initials) or not unit.initials_required)
        return self.outcome is not None

    def shown(self, field_name: str) -> str:
        """The field as the page shows it: "A" absent, "CF" carry forward, "" empty."""
        if field_name == INITIALS_FIELD:
            return self.initials or ""
        if field_name == OUTCOME_FIELD:
            return self.outcome or ""
        if self.status == ABSENT:
            return SHOWN_ABSENT
        if self.status == CARRY_FORWARD:
            return SHOWN_CARRY_FORWARD
        mark = self.task_marks.get(field_name[len(TASK_PREFIX):])
        return "" if mark is None else str(mark)

    def change(self, unit: Unit, field_name: str, typed: str, previous: str | None) -> tuple[str, str]:
        """Apply one typed value; refused if it is not valid or someone changed the field meanwhile.
        Returns the field's (old, new) shown values."""
        unit.check_field(field_name)
        new = self._read(unit, field_name, typed)
        old = self.shown(field_name)
        if shown_as_typed(unit, field_name, previous) != old and new != old:
            raise ValueChanged(f"Someone else changed this value since you opened the marksheet. "
                               f"It is now {old or 'empty'}. Check it before you change it.",
                               field=field_name, current=old)
        self._apply(unit, field_name, typed)
        return old, self.shown(field_name)

    def _read(self, unit: Unit, field_name: str, typed: str) -> str:
        if field_name == INITIALS_FIELD:
            return read_initials(typed) or ""
        if field_name == OUTCOME_FIELD:
            return read_outcome(unit, typed) or ""
        return read_task_value(unit, unit.task(field_name), typed).shown

    def _apply(self, unit: Unit, field_name: str, typed: str) -> None:
        if field_name == INITIALS_FIELD:
            self.set_initials(unit, read_initials(typed))
        elif field_name == OUTCOME_FIELD:
            self.set_outcome(unit, read_outcome(unit, typed))
        else:
            task = unit.task(field_name)
            self.set_task(unit, task.name, read_task_value(unit, task, typed))

    def set_task(self, unit: Unit, task_name: str, entry: TaskEntry) -> None:
        if entry.kind in ("absent", "carry_forward"):
            self.status, self.task_marks = (ABSENT if entry.kind == "absent" else CARRY_FORWARD), {}
        else:
            if self.status in (ABSENT, CARRY_FORWARD):
                self.task_marks = {}  # leaving absent or carry forward starts the marks afresh
            marks = {k: v for k, v in self.task_marks.items() if k != task_name}
            if entry.kind == "mark":
                marks[task_name] = entry.mark
            self.task_marks = marks
            self.status = MARKED if marks else UNMARKED
        self.complete = self.is_complete(unit)

    def set_outcome(self, unit: Unit, outcome: str | None) -> None:
        self.outcome = outcome
        self.status = UNMARKED if outcome is None else ABSENT if outcome == ABSENT_OUTCOME else MARKED
        self.complete = self.is_complete(unit)

    def set_initials(self, unit: Unit, initials: str | None) -> None:
        self.initials = initials
        self.complete = self.is_complete(unit)
