"""A unit's own sampling policy: validated bands with clear refusals, and the sample size it gives."""
import pytest

from sampling.domain.errors import PolicyInvalid
from sampling.domain.policy import DEFAULT_POLICY, unit_policy
from sampling.domain.selection import choose_sample
from sampling.domain.submitted import SubmittedCandidate, SubmittedMarksheet

CUSTOM = unit_policy([(10, None), (50, 8), (150, 12)], 30)


def sheet(count: int) -> SubmittedMarksheet:
    return SubmittedMarksheet("s-1", 7, "3700U1", "68101", "marks", (), tuple(
        SubmittedCandidate(f"{1000 + n}", "marked", total=n + 1, initials="AB") for n in range(count)))


@pytest.mark.parametrize("count, default, custom", [
    (1, 1, 1), (10, 10, 10), (11, 11, 8), (15, 15, 8), (16, 15, 8), (100, 15, 12), (101, 20, 12),
    (150, 20, 12), (151, 20, 30), (200, 20, 30), (201, 25, 30)])
def test_the_sample_size_follows_the_units_policy(count, default, custom):
    assert DEFAULT_POLICY.size(count) == default and len(choose_sample(sheet(count))) == default
    assert CUSTOM.size(count) == custom and len(choose_sample(sheet(count), CUSTOM)) == custom


def test_a_policy_may_give_everyone_over_a_band_and_a_sample_never_exceeds_the_candidates():
    generous = unit_policy([(5, 3)], 1000)
    assert [generous.size(n) for n in (2, 5, 6, 40)] == [2, 3, 6, 40]


@pytest.mark.parametrize("bands, over, message", [
    ([], 25, "Enter at least one band"),
    ([(15, None), (15, 15)], 25, "Band 2: 'up to' (15) must be more than the band before it (15)"),
    ([(100, 15), (50, 10)], 25, "List the bands from the fewest candidates to the most"),
    ([(0, None)], 25, "Band 1: 'up to' must be a whole number of candidates, 1 or more"),
    ([(15, None), (100, 1)], 25, "Band 2: the sample size must be 2 or more"),
    ([(15, None), (100, 0)], 25, "Band 2: the sample size must be 2 or more"),
    ([(15, None), (100, 15)], 0, "The sample size over 100 candidates must be 2 or more"),
    ([(n + 1, None) for n in range(11)], 25, "Enter no more than 10 bands"),
    ([(10000, None)], 25, "Band 1: enter numbers of candidates up to 9999"),
    ([(15, None), (100, 10000)], 25, "Band 2: enter numbers of candidates up to 9999"),
    ([(15, None)], 10 ** 12, "The sample size over 15 candidates must be 9999 or fewer"),
])
def test_a_policy_that_does_not_give_one_clear_size_is_refused_with_what_to_correct(bands, over, message):
    with pytest.raises(PolicyInvalid) as refused:
        unit_policy(bands, over)
    assert message in refused.value.message


def test_the_default_policy_written_as_bands_is_accepted():
    assert unit_policy([(15, None), (100, 15), (200, 20)], 25).bands == DEFAULT_POLICY.bands
