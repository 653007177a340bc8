"""The nearest higher and lower candidates with complete work, offered when a sampled candidate's work is missing."""
from sampling.domain.submitted import SubmittedCandidate, SubmittedMarksheet
from sampling.domain.work import nearest, work_of

GRADES = ("Pass", "Merit", "Distinction")


def work(totals: dict[str, int | None], statuses: dict[str, str] | None = None, kind="marks"):
    """Candidates by number with their total (or grade, for outcome units)."""
    statuses = statuses or {}
    candidates = tuple(
        SubmittedCandidate(n, statuses.get(n, "marked"), total=v if kind == "marks" else None,
                           outcome=v if kind == "outcomes" else None, surname="Jones", forename="Carys")
        for n, v in totals.items())
    return work_of(SubmittedMarksheet("s-1", 7, "3700U1", "68101", kind, GRADES if kind == "outcomes" else (),
                                      candidates))


def offered(found) -> list[str]:
    return [c.candidate_number for c in found.offered]


def test_the_nearest_higher_and_lower_totals_are_offered_highest_first():
    found = nearest(work({"1001": 40, "1002": 35, "1003": 30, "1004": 20, "1005": 10}), "1003", {"1003"})
    assert offered(found) == ["1002", "1004"]
    assert found.candidate.total == 30 and found.offered[0].name == "JONES: CARYS"


def test_candidates_already_in_the_sample_are_skipped():
    found = nearest(work({"1001": 40, "1002": 35, "1003": 30, "1004": 20, "1005": 10}), "1003",
                    {"1002", "1003", "1004"})
    assert offered(found) == ["1001", "1005"]


def test_absent_and_carried_forward_candidates_have_no_work_to_offer():
    totals = {"1001": 40, "1002": None, "1003": 30, "1004": None, "1005": 10}
    found = nearest(work(totals, {"1002": "absent", "1004": "carry_forward"}), "1003", {"1003"})
    assert offered(found) == ["1001", "1005"]


def test_at_the_ends_of_the_range_only_one_side_is_offered():
    totals = {"1001": 40, "1002": 35, "1003": 30}
    assert offered(nearest(work(totals), "1001", {"1001"})) == ["1002"]
    assert offered(nearest(work(totals), "1003", {"1003"})) == ["1002"]
    assert offered(nearest(work({"1001": 40}), "1001", {"1001"})) == []


def test_an_equal_total_is_nearer_than_any_other():
    totals = {"1001": 31, "1002": 30, "1003": 30, "1004": 30, "1005": 29}
    found = nearest(work(totals), "1003", {"1003"})
    assert offered(found) == ["1002", "1004"] and [found.side(c) for c in found.offered] == ["same", "same"]
    # both equal ones rank below 1002 (by candidate number), so both are offered rather than the 31
    assert offered(nearest(work(totals), "1002", {"1002"})) == ["1003", "1004"]
    assert offered(nearest(work(totals), "1004", {"1004"})) == ["1002", "1003"]


def test_a_single_equal_total_is_offered_with_the_nearest_on_the_other_side():
    totals = {"1001": 33, "1002": 30, "1003": 30, "1004": 27}
    found = nearest(work(totals), "1002", {"1002"})
    assert offered(found) == ["1001", "1003"] and [found.side(c) for c in found.offered] == ["higher", "same"]


def test_ties_give_the_same_offer_whatever_order_the_candidates_arrive_in():
    totals = {"1005": 30, "1001": 30, "1003": 30, "1002": 40, "1004": 20}
    shuffled = dict(reversed(list(totals.items())))
    assert offered(nearest(work(totals), "1003", {"1003"})) == offered(nearest(work(shuffled), "1003", {"1003"})) \
        == ["1001", "1005"]


def test_outcome_units_offer_the_same_grade_first_then_the_neighbouring_grades():
    grades = {"1001": "Distinction", "1002": "Merit", "1003": "Merit", "1004": "Merit", "1005": "Pass"}
    assert offered(nearest(work(grades, kind="outcomes"), "1002", {"1002"})) == ["1003", "1004"]
    assert offered(nearest(work(grades, kind="outcomes"), "1003", {"1003"})) == ["1002", "1004"]
    only_one_merit = nearest(work(grades, kind="outcomes"), "1003", {"1003", "1004"})
    assert offered(only_one_merit) == ["1002", "1005"]  # the other Merit, then the Pass below
    no_merit_left = nearest(work(grades, kind="outcomes"), "1003", {"1002", "1003", "1004"})
    assert [c.outcome for c in no_merit_left.offered] == ["Distinction", "Pass"]


def test_a_candidate_without_recorded_work_has_nothing_offered():
    found = nearest(work({"1001": 40, "1002": 35}), "9999", {"9999"})
    assert found.candidate is None and found.offered == ()
