"""The board's rules for a unit: marks with tasks and maxima, or outcomes with a scale."""
from dataclasses import replace

import pytest

from marks.domain.errors import UnitInvalid
from marks.domain.units import Task, check_new_unit


def test_the_full_title_and_total_maximum(oracy, criminology):
    assert oracy.full_title == "GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)"
    assert oracy.total_max == 80 and criminology.total_max is None
    assert oracy.fields == ["task:Task 1", "task:Task 2", "initials"] and criminology.fields == ["outcome"]
    check_new_unit(oracy)
    check_new_unit(criminology)


@pytest.mark.parametrize("change,message", [
    ({"tasks": ()}, "A unit with marks needs at least one task with a maximum."),
    ({"tasks": (Task("Task 1", 40), Task("task 1", 20))}, "Every task needs a name of its own."),
    ({"tasks": (Task("Total", 40),)}, "A task cannot be called any of: candidate_number, surname, forename, "
                                      "total, initials, outcome."),
    ({"tasks": (Task("Task 1", 0),)}, "Every task's maximum must be at least 1."),
    ({"grades": ("Pass", "Merit")}, "A unit with marks has no outcome scale."),
    ({"kind": "grades"}, "A unit takes either marks or outcomes."),
])
def test_a_marks_unit_that_breaks_a_rule_is_refused(oracy, change, message):
    with pytest.raises(UnitInvalid) as refused:
        check_new_unit(replace(oracy, **change))
    assert refused.value.message == message


@pytest.mark.parametrize("change,message", [
    ({"grades": ("Pass",)}, "A unit with outcomes needs at least two different outcomes."),
    ({"grades": ("Pass", "pass")}, "A unit with outcomes needs at least two different outcomes."),
    ({"grades": ("Pass", "Absent")}, "Absent is always offered; do not list it as an outcome."),
    ({"initials_required": True}, "A unit with outcomes has no tasks, teacher initials or carry forward."),
])
def test_an_outcomes_unit_that_breaks_a_rule_is_refused(criminology, change, message):
    with pytest.raises(UnitInvalid) as refused:
        check_new_unit(replace(criminology, **change))
    assert refused.value.message == message
