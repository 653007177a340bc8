"""What a teacher types into one box of the marksheet, read by the guide's rules."""
from dataclasses import dataclass

from .errors import CarryForwardNotAllowed, InitialsInvalid, MarkAboveMaximum, MarkInvalid, OutcomeInvalid
from .units import ABSENT_OUTCOME, Task, Unit

ABSENT_TYPED = ("a",)
CARRY_FORWARD_TYPED = ("c", "cf")
SHOWN_ABSENT, SHOWN_CARRY_FORWARD = "A", "CF"
MAX_INITIALS = 4
MAX_DIGITS = 6  # no maximum has more; longer strings of digits are simply above it


@dataclass(frozen=True)
class TaskEntry:
    """One typed task box: a mark, absent, carry forward, or cleared."""
    kind: str  # "mark" | "absent" | "carry_forward" | "clear"
    mark: int | None = None

    @property
    def shown(self) -> str:
        return {"mark": str(self.mark), "absent": SHOWN_ABSENT, "carry_forward": SHOWN_CARRY_FORWARD}.get(
            self.kind, "")


def read_task_value(unit: Unit, task: Task, typed: str) -> TaskEntry:
    value = typed.strip()
    field_name = f"task:{task.name}"
    if value == "":
        return TaskEntry("clear")
    if value.casefold() in ABSENT_TYPED:
        return TaskEntry("absent")
    if value.casefold() in CARRY_FORWARD_TYPED:
        if not unit.carry_forward_allowed:
            raise CarryForwardNotAllowed(field=field_name, value=typed)
        return TaskEntry("carry_forward")
    if value.isascii() and value.isdigit():
        if len(value) > MAX_DIGITS or int(value) > task.max:
            raise MarkAboveMaximum(f"The mark for {task.name} must be no more than {task.max}.",
                                   max=task.max, field=field_name, value=typed)
        return TaskEntry("mark", int(value))
    carry = ", or C/CF to carry forward" if unit.carry_forward_allowed else ""
    raise MarkInvalid(f"Enter a whole number from 0 to {task.max} for {task.name}, "
                      f"or A if the candidate was absent{carry}.", max=task.max, field=field_name, value=typed,
                      carry_forward=unit.carry_forward_allowed)


def read_initials(typed: str) -> str | None:
    value = typed.strip()
    if value == "":
        return None
    if len(value) > MAX_INITIALS or not value.isalpha():
        raise InitialsInvalid(field="initials", value=typed)
    return value.upper()


def read_outcome(unit: Unit, typed: str) -> str | None:
    if typed.strip() == "":
        return None
    grade = unit.grade(typed)
    if grade is None:
        raise OutcomeInvalid(f"Choose {', '.join(unit.grades)} or {ABSENT_OUTCOME}.", field="outcome",
                             value=typed, grades=list(unit.grades))
    return grade


def shown_as_typed(unit: Unit, field_name: str, typed: str | None) -> str:
    """How the page would show what was typed: the form `previous` is compared in; never refuses."""
    value = (typed or "").strip()
    if field_name == "initials":
        return value.upper()
    if field_name == "outcome":
        return unit.grade(value) or value
    if value.casefold() in ABSENT_TYPED:
        return SHOWN_ABSENT
    if value.casefold() in CARRY_FORWARD_TYPED:
        return SHOWN_CARRY_FORWARD
    if value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
        return str(int(value))
    return value
