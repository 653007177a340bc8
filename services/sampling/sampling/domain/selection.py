"""The system's choice of sample from a submitted marksheet.

Candidates are ranked by total (or grade), highest first, ties by candidate number, so the same
submission always gives the same sample whatever order its candidates arrive in. The highest and the
lowest non-zero total are always in; the rest are spread evenly over the ranks. Then, while the size
allows, a spread choice is swapped for the nearest-ranked candidate of each grade (outcome units) and
of each teacher not yet represented, never leaving another grade or teacher out by the swap.
"""
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable

from .policy import DEFAULT_POLICY, SamplingPolicy
from .submitted import OUTCOMES, SubmittedCandidate, SubmittedMarksheet

HIGHEST, LOWEST, SPREAD, TEACHER = "highest", "lowest", "spread", "teacher"
CENTRE_ADDED, MODERATOR_REQUESTED, SUBSTITUTE = "centre-added", "moderator-requested", "substitute"
REASONS = (HIGHEST, LOWEST, SPREAD, TEACHER, CENTRE_ADDED, MODERATOR_REQUESTED, SUBSTITUTE)
SYSTEM_REASONS = (HIGHEST, LOWEST, SPREAD, TEACHER)

Key = Callable[[SubmittedCandidate], str | None]


@dataclass(frozen=True)
class Choice:
    candidate_number: str
    reason: str


def choose_sample(sheet: SubmittedMarksheet, policy: SamplingPolicy = DEFAULT_POLICY) -> list[Choice]:
    ranked = sorted(sheet.with_a_mark(), key=lambda c: (-sheet.score(c), c.candidate_number))
    if not ranked:
        return []
    size = policy.size(len(ranked))
    chosen = {0: HIGHEST}  # rank -> reason
    chosen.setdefault(_lowest_rank(sheet, ranked), LOWEST)
    if size >= len(ranked):
        chosen.update({rank: SPREAD for rank in range(len(ranked)) if rank not in chosen})
    else:
        _spread(chosen, len(ranked), size - len(chosen))
        grade, teacher = (lambda c: c.outcome), (lambda c: c.initials)
        if sheet.kind == OUTCOMES:
            _represent(ranked, chosen, grade, SPREAD, keep=(grade,))
        _represent(ranked, chosen, teacher, TEACHER, keep=(grade, teacher) if sheet.kind == OUTCOMES else (teacher,))
    return [Choice(ranked[rank].candidate_number, chosen[rank]) for rank in sorted(chosen)]


def _lowest_rank(sheet: SubmittedMarksheet, ranked: list[SubmittedCandidate]) -> int:
    if sheet.kind == OUTCOMES:
        return len(ranked) - 1
    non_zero = [rank for rank, c in enumerate(ranked) if c.total]
    return non_zero[-1] if non_zero else len(ranked) - 1


def _spread(chosen: dict[int, str], count: int, wanted: int) -> None:
    """`wanted` more ranks, evenly spaced over 0..count-1; a taken rank gives way to its nearest free one."""
    for step in range(1, wanted + 1):
        target = round(step * (count - 1) / (wanted + 1))
        for distance in range(count):
            free = next((r for r in (target + distance, target - distance) if 0 <= r < count and r not in chosen),
                        None)
            if free is not None:
                chosen[free] = SPREAD
                break


def _represent(ranked: list[SubmittedCandidate], chosen: dict[int, str], key: Key, reason: str,
               keep: tuple[Key, ...]) -> None:
    members: dict[str, list[int]] = {}
    for rank, candidate in enumerate(ranked):
        if key(candidate):
            members.setdefault(key(candidate), []).append(rank)
    covered = {key(ranked[rank]) for rank in chosen}
    missing = sorted((g for g in members if g not in covered), key=lambda g: (-len(members[g]), g))
    for group in missing:
        swappable = sorted(r for r, why in chosen.items() if why == SPREAD and _can_go(ranked, chosen, r, keep))
        if not swappable:
            return  # the sample is too small to represent every group
        distance, rank, gone = min(_nearest(rank, swappable) for rank in members[group])
        del chosen[gone]
        chosen[rank] = reason


def _can_go(ranked: list[SubmittedCandidate], chosen: dict[int, str], rank: int, keep: tuple[Key, ...]) -> bool:
    """Whether removing `rank` leaves every group it belongs to still represented."""
    for key in keep:
        value = key(ranked[rank])
        if value and sum(1 for r in chosen if key(ranked[r]) == value) < 2:
            return False
    return True


def _nearest(rank: int, swappable: list[int]) -> tuple[int, int, int]:
    at = bisect_left(swappable, rank)
    near = [swappable[i] for i in (at - 1, at) if 0 <= i < len(swappable)]
    return min((abs(rank - s), rank, s) for s in near)
