"""Two people on one marksheet: a save over a value changed since it was loaded is refused."""
import pytest

from marks.domain.errors import MarkAboveMaximum, ValueChanged


def test_a_save_over_someone_elses_change_is_refused_with_the_current_value(oracy, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "23", "")  # the other person's save
    with pytest.raises(ValueChanged) as refused:
        mark.change(oracy, "task:Task 1", "15", "")
    assert refused.value.message == ("Someone else changed this value since you opened the marksheet. "
                                     "It is now 23. Check it before you change it.")
    assert mark.task_marks == {"Task 1": 23}


def test_previous_is_compared_as_the_page_shows_it(oracy, music, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "a", "")
    mark.change(oracy, "task:Task 2", "7", " a ")  # "a" as typed is the "A" the page showed
    mark.change(oracy, "task:Task 2", "8", "07")
    mark.change(oracy, "initials", "xy", "")
    mark.change(oracy, "initials", "zz", "xy")
    cf = candidate(unit_id=2)
    cf.change(music, "task:Mark", "cf", "")
    cf.change(music, "task:Mark", "60", "c")
    assert (mark.task_marks, mark.initials, cf.task_marks) == ({"Task 2": 8}, "ZZ", {"Mark": 60})


def test_a_cleared_value_is_a_change_too(oracy, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "15", "")
    mark.change(oracy, "task:Task 1", "", "15")
    with pytest.raises(ValueChanged) as refused:
        mark.change(oracy, "task:Task 1", "16", "15")
    assert "It is now empty." in refused.value.message


def test_saving_the_value_already_there_is_no_conflict(oracy, candidate):
    """A retried save, or two people typing the same mark: nothing would be overwritten."""
    mark = candidate()
    mark.change(oracy, "task:Task 1", "15", "")
    assert mark.change(oracy, "task:Task 1", "15", "") == ("15", "15")


def test_an_invalid_value_is_refused_as_invalid_before_any_conflict(oracy, candidate):
    mark = candidate()
    mark.change(oracy, "task:Task 1", "15", "")
    with pytest.raises(MarkAboveMaximum):
        mark.change(oracy, "task:Task 1", "99", "")
