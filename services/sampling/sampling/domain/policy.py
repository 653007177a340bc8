"""How many candidates a sample holds: the board's default policy, or the bands board staff set for a unit."""
from dataclasses import dataclass

from .errors import PolicyInvalid

# (most candidates with a mark, sample size); above the last band the sample is `largest`.
DEFAULT_BANDS = ((15, None), (100, 15), (200, 20))
MOST_BANDS = 10
SMALLEST_SIZE = 2  # the highest and the lowest are always in
MOST_CANDIDATES = 9999  # candidate numbers have four digits; a larger number could not be stored either


@dataclass(frozen=True)
class SamplingPolicy:
    name: str = "default"
    bands: tuple[tuple[int, int | None], ...] = DEFAULT_BANDS
    largest: int = 25

    def size(self, with_a_mark: int) -> int:
        """By default 1–15 → all, 16–100 → 15, 101–200 → 20, over 200 → 25 (a None size means everyone)."""
        for most, size in self.bands:
            if with_a_mark <= most:
                return with_a_mark if size is None else min(size, with_a_mark)
        return min(self.largest, with_a_mark)


DEFAULT_POLICY = SamplingPolicy()
UNIT_POLICY = "unit"


def unit_policy(bands: list[tuple[int, int | None]], over: int) -> SamplingPolicy:
    """A unit's own policy, checked so that every number of candidates has one clear sample size."""
    if not bands:
        raise PolicyInvalid("Enter at least one band: up to how many candidates, and the sample size.")
    if len(bands) > MOST_BANDS:
        raise PolicyInvalid(f"Enter no more than {MOST_BANDS} bands.")
    previous = 0
    for position, (up_to, size) in enumerate(bands, start=1):
        if up_to < 1:
            raise PolicyInvalid(f"Band {position}: 'up to' must be a whole number of candidates, 1 or more.")
        if max(up_to, size or 0) > MOST_CANDIDATES:
            raise PolicyInvalid(f"Band {position}: enter numbers of candidates up to {MOST_CANDIDATES}.")
        if up_to <= previous:
            raise PolicyInvalid(f"Band {position}: 'up to' ({up_to}) must be more than the band before it "
                                f"({previous}). List the bands from the fewest candidates to the most.")
        if size is not None and size < SMALLEST_SIZE:
            raise PolicyInvalid(f"Band {position}: the sample size must be {SMALLEST_SIZE} or more (the highest "
                                f"and the lowest are always in), or empty for every candidate.")
        previous = up_to
    if over < SMALLEST_SIZE:
        raise PolicyInvalid(f"The sample size over {previous} candidates must be {SMALLEST_SIZE} or more.")
    if over > MOST_CANDIDATES:
        raise PolicyInvalid(f"The sample size over {previous} candidates must be {MOST_CANDIDATES} or fewer.")
    return SamplingPolicy(UNIT_POLICY, tuple(bands), over)
