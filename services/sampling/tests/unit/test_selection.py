"""The default sampling rule on the edge cases: sizes, ties, teachers, absents, outcomes, determinism."""
import random
import time
from collections import Counter

import pytest

from sampling.domain.selection import HIGHEST, LOWEST, SPREAD, TEACHER, choose_sample
from sampling.domain.submitted import SubmittedCandidate, SubmittedMarksheet

GRADES = ("Pass", "Merit", "Distinction")


def sheet(candidates, kind="marks") -> SubmittedMarksheet:
    return SubmittedMarksheet("s-1", 7, "3700U1", "68101", kind, GRADES if kind == "outcomes" else (),
                              tuple(candidates))


def marked(count: int, teachers=("AB",), total=lambda n: n + 1) -> list[SubmittedCandidate]:
    return [SubmittedCandidate(f"{1000 + n}", "marked", total=total(n), initials=teachers[n % len(teachers)])
            for n in range(count)]


def numbers(choices) -> list[str]:
    return [c.candidate_number for c in choices]


@pytest.mark.parametrize("count, size", [(1, 1), (15, 15), (16, 15), (100, 15), (101, 20), (200, 20), (201, 25)])
def test_the_sample_size_follows_the_number_of_candidates_with_a_mark(count, size):
    choices = choose_sample(sheet(marked(count)))
    assert len(choices) == size
    assert len(set(numbers(choices))) == size


def test_a_single_candidate_is_the_whole_sample_as_the_highest():
    assert [(c.candidate_number, c.reason) for c in choose_sample(sheet(marked(1)))] == [("1000", HIGHEST)]


def test_up_to_15_everyone_is_in_with_the_highest_and_lowest_named():
    reasons = {c.candidate_number: c.reason for c in choose_sample(sheet(marked(15)))}
    assert reasons["1014"] == HIGHEST and reasons["1000"] == LOWEST
    assert Counter(reasons.values()) == {HIGHEST: 1, LOWEST: 1, SPREAD: 13}


def test_the_highest_and_the_lowest_non_zero_total_are_always_in_and_the_rest_spread_evenly():
    candidates = marked(100, total=lambda n: n)  # totals 0..99; 1000 has 0
    choices = choose_sample(sheet(candidates))
    reasons = {c.candidate_number: c.reason for c in choices}
    assert reasons["1099"] == HIGHEST and reasons["1001"] == LOWEST and "1000" not in reasons
    totals = sorted((int(n) - 1000 for n in reasons), reverse=True)
    gaps = [a - b for a, b in zip(totals, totals[1:])]
    assert max(gaps) - min(gaps) <= 2, totals


def test_ties_are_broken_by_candidate_number_whatever_order_the_candidates_come_in():
    tied = marked(40, total=lambda n: 10 + n % 3)
    first = choose_sample(sheet(tied))
    shuffled = list(tied)
    random.Random(4).shuffle(shuffled)
    assert choose_sample(sheet(shuffled)) == first
    assert first[0].candidate_number == "1002" and first[0].reason == HIGHEST  # 12 marks, lowest number


def test_absent_and_carry_forward_candidates_are_never_chosen_nor_counted():
    others = [SubmittedCandidate(f"{2000 + n}", status, initials="AB")
              for n, status in enumerate(["absent", "carry_forward"] * 10)]
    choices = choose_sample(sheet(marked(15) + others))
    assert len(choices) == 15 and all(c.candidate_number.startswith("1") for c in choices)
    assert choose_sample(sheet(others)) == []


def test_every_teacher_is_represented_when_the_size_allows():
    teachers = ("AB", "CD", "EF", "GH", "IJ", "KL")
    candidates = marked(94, teachers=("AB",)) + [
        SubmittedCandidate(f"{3000 + n}", "marked", total=50, initials=t) for n, t in enumerate(teachers[1:])]
    choices = choose_sample(sheet(candidates))
    initials = {c.initials for c in candidates if c.candidate_number in numbers(choices)}
    assert initials == set(teachers) and len(choices) == 15
    teacher_of = {c.candidate_number: c.initials for c in candidates}
    assert {teacher_of[c.candidate_number] for c in choices if c.reason == TEACHER} <= set(teachers[1:])
    assert Counter(c.reason for c in choices)[TEACHER] >= 4  # one may already sit where the spread fell


def test_when_there_are_more_teachers_than_places_the_sample_keeps_its_size():
    candidates = [SubmittedCandidate(f"{1000 + n}", "marked", total=n + 1, initials=f"T{n}") for n in range(60)]
    choices = choose_sample(sheet(candidates))
    assert len(choices) == 15 and choices[0].reason == HIGHEST and choices[-1].reason == LOWEST


def test_all_one_teacher_needs_no_teacher_choices():
    assert TEACHER not in {c.reason for c in choose_sample(sheet(marked(150, teachers=("AB",))))}


def test_an_outcome_unit_sample_spans_every_grade_awarded():
    grades = ["Distinction"] * 2 + ["Merit"] * 96 + ["Pass"] * 2
    candidates = [SubmittedCandidate(f"{1000 + n}", "marked", outcome=g, initials="AB") for n, g in enumerate(grades)]
    candidates += [SubmittedCandidate("1999", "absent", outcome="Absent")]
    choices = choose_sample(sheet(candidates, kind="outcomes"))
    by_number = {c.candidate_number: c.outcome for c in candidates}
    assert {by_number[n] for n in numbers(choices)} == {"Pass", "Merit", "Distinction"}
    assert len(choices) == 15 and choices[0] == choices[0].__class__("1000", HIGHEST)
    assert choices[-1].reason == LOWEST and by_number[choices[-1].candidate_number] == "Pass"


def test_an_outcome_unit_with_a_rare_grade_in_the_middle_still_spans_it():
    grades = ["Distinction"] * 50 + ["Merit"] + ["Pass"] * 149
    candidates = [SubmittedCandidate(f"{1000 + n}", "marked", outcome=g, initials="AB") for n, g in enumerate(grades)]
    choices = choose_sample(sheet(candidates, kind="outcomes"))
    assert "1050" in numbers(choices) and len(choices) == 20


def test_10000_candidates_are_sampled_well_within_100_ms():
    candidates = marked(10_000, teachers=("AB", "CD", "EF", "GH", "IJ"), total=lambda n: (n * 7919) % 120)
    started = time.perf_counter()
    choices = choose_sample(sheet(candidates))
    assert time.perf_counter() - started < 0.1
    assert len(choices) == 25
