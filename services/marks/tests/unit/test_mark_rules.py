"""The marksheet's rules for one box, as the guide gives them: maximum, A, C/CF, initials, totals."""
import pytest

from marks.domain.errors import (CarryForwardNotAllowed, FieldUnknown, InitialsInvalid, MarkAboveMaximum,
                                 MarkInvalid, OutcomeInvalid)


def test_a_mark_above_the_maximum_is_refused_naming_the_maximum(oracy, candidate):
    mark = candidate()
    with pytest.raises(MarkAboveMaximum) as refused:
        mark.change(oracy, "task:Task 1", "41", "")
    assert refused.value.message == "The mark for Task 1 must be no more than 40."
    assert refused.value.details == {"max": 40, "field": "task:Task 1", "value": "41"}
    assert mark.task_marks == {} and mark.status == "unmarked"


@pytest.mark.parametrize("typed", ["-1", "3.5", "12.0", "ten", "1 2", "+4", "½"])
def test_negative_decimal_and_other_values_are_refused_with_the_range(oracy, candidate, typed):
    with pytest.raises(MarkInvalid) as refused:
        candidate().change(oracy, "task:Task 2", typed, "")
    assert refused.value.message == "Enter a whole number from 0 to 40 for Task 2, or A if the candidate was absent."


def test_the_range_message_offers_carry_forward_only_where_the_unit_allows_it(music, candidate):
    with pytest.raises(MarkInvalid) as refused:
        candidate().change(music, "task:Mark", "-3", "")
    assert refused.value.message.endswith("or A if the candidate was absent, or C/CF to carry forward.")


def test_a_huge_number_is_above_the_maximum_not_an_error(oracy, candidate):
    with pytest.raises(MarkAboveMaximum):
        candidate().change(oracy, "task:Task 1", "9" * 5000, "")


def test_marks_from_zero_to_the_maximum_are_taken_and_the_total_follows(oracy, candidate):
    mark = candidate()
    assert mark.change(oracy, "task:Task 1", " 07 ", "") == ("", "7")
    assert mark.total(oracy) is None and mark.status == "marked"
    mark.change(oracy, "task:Task 2", "40", "")
    assert mark.total(oracy) == 47
    mark.change(oracy, "task:Task 1", "0", "7")
    assert mark.total(oracy) == 40 and mark.task_marks == {"Task 1": 0, "Task 2": 40}


def test_a_becomes_absent_in_every_task_and_clears_the_marks(oracy, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "15", "")
    assert mark.change(oracy, "task:Task 2", "a", "") == ("", "A")
    assert mark.status == "absent" and mark.task_marks == {} and mark.total(oracy) is None
    assert [mark.shown("task:Task 1"), mark.shown("task:Task 2")] == ["A", "A"]
    assert mark.is_complete(oracy)  # absent candidates need no initials


def test_a_mark_typed_over_absent_starts_the_marks_afresh(oracy, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "A", "")
    mark.change(oracy, "task:Task 2", "12", "A")
    assert mark.status == "marked" and mark.task_marks == {"Task 2": 12}
    assert mark.shown("task:Task 1") == ""


def test_clearing_an_absent_box_unmarks_the_candidate(oracy, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "A", "")
    mark.change(oracy, "task:Task 1", "", "A")
    assert mark.status == "unmarked" and not mark.is_complete(oracy)


@pytest.mark.parametrize("typed", ["c", "C", "cf", "CF", " Cf "])
def test_carry_forward_where_allowed_takes_no_task_marks(music, candidate, typed):
    mark = candidate(unit_id=2)
    mark.change(music, "task:Mark", "50", "")
    mark.change(music, "task:Mark", typed, "50")
    assert mark.status == "carry_forward" and mark.task_marks == {} and mark.shown("task:Mark") == "CF"
    assert mark.is_complete(music) and mark.total(music) is None


def test_carry_forward_is_refused_where_the_unit_does_not_allow_it(oracy, candidate):
    with pytest.raises(CarryForwardNotAllowed) as refused:
        candidate().change(oracy, "task:Task 1", "CF", "")
    assert refused.value.message == "You cannot carry forward a mark for this unit."


def test_initials_are_one_to_four_letters_stored_upper_case(oracy, candidate):
    mark = candidate()
    assert mark.change(oracy, "initials", " ab ", "") == ("", "AB")
    for typed in ("ABCDE", "A1", "A.B"):
        with pytest.raises(InitialsInvalid) as refused:
            mark.change(oracy, "initials", typed, "AB")
        assert refused.value.message == "Enter the teacher's initials: up to 4 letters."
    assert mark.initials == "AB"


def test_a_marked_candidate_is_complete_only_with_every_task_and_the_initials(oracy, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "15", "")
    mark.change(oracy, "task:Task 2", "15", "")
    assert not mark.is_complete(oracy) and not mark.complete
    mark.change(oracy, "initials", "AB", "")
    assert mark.is_complete(oracy) and mark.complete
    mark.change(oracy, "task:Task 2", "", "15")
    assert not mark.complete and mark.status == "marked"


def test_initials_are_not_a_column_of_a_unit_that_does_not_take_them(music, oracy, candidate):
    unit = oracy.__class__(**{**oracy.__dict__, "initials_required": False})
    with pytest.raises(FieldUnknown) as refused:
        candidate().change(unit, "initials", "AB", "")
    assert refused.value.message == "This unit does not take teacher initials."
    with pytest.raises(FieldUnknown):
        candidate().change(oracy, "task:Task 3", "1", "")


def test_outcomes_come_from_the_scale_or_absent(criminology, candidate):
    mark = candidate(unit_id=3)
    assert mark.change(criminology, "outcome", "merit", "") == ("", "Merit")
    assert mark.status == "marked" and mark.is_complete(criminology)
    mark.change(criminology, "outcome", "Absent", "Merit")
    assert mark.status == "absent" and mark.outcome == "Absent"
    with pytest.raises(OutcomeInvalid) as refused:
        mark.change(criminology, "outcome", "Level 2 Pass", "Absent")
    assert refused.value.message == "Choose Pass, Merit, Distinction or Absent."
    mark.change(criminology, "outcome", "", "Absent")
    assert mark.status == "unmarked" and not mark.is_complete(criminology)
