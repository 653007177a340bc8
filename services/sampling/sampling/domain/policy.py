"""How many candidates a sample holds: the board's default policy; a unit may be given another."""
from dataclasses import dataclass

# (most candidates with a mark, sample size); above the last band the sample is `largest`.
DEFAULT_BANDS = ((15, None), (100, 15), (200, 20))


@dataclass(frozen=True)
class SamplingPolicy:
    name: str = "default"
    bands: tuple[tuple[int, int | None], ...] = DEFAULT_BANDS
    largest: int = 25

    def size(self, with_a_mark: int) -> int:
        """1–15 → all, 16–100 → 15, 101–200 → 20, over 200 → 25 (a None size means everyone)."""
        for most, size in self.bands:
            if with_a_mark <= most:
                return with_a_mark if size is None else min(size, with_a_mark)
        return min(self.largest, with_a_mark)


DEFAULT_POLICY = SamplingPolicy()
