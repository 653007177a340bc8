"""A unit's sampling policy: board staff set it before centres submit; a sample keeps the size it was chosen with."""
from dataclasses import dataclass
from datetime import datetime

from ..domain.access import check_policy_change, check_policy_read
from ..domain.policy import DEFAULT_POLICY, SamplingPolicy, unit_policy


@dataclass(frozen=True)
class UnitPolicy:
    unit_id: int
    policy: SamplingPolicy
    set_by: str | None = None
    set_at: datetime | None = None

    @property
    def default(self) -> bool:
        return self.set_at is None


def read_policy(uow, actor, unit_id: int) -> UnitPolicy:
    check_policy_read(actor)
    with uow:
        return _held(uow, unit_id)


def set_policy(uow, actor, unit_id: int, bands: list[tuple[int, int | None]], over: int,
               now: datetime) -> UnitPolicy:
    check_policy_change(actor)
    policy = unit_policy(bands, over)
    with uow:
        uow.policies.put(unit_id, policy, actor.user_id, now)
        uow.commit()
    return UnitPolicy(unit_id, policy, actor.user_id, now)


def reset_policy(uow, actor, unit_id: int) -> UnitPolicy:
    """The unit follows the board's default policy again."""
    check_policy_change(actor)
    with uow:
        uow.policies.remove(unit_id)
        uow.commit()
    return UnitPolicy(unit_id, DEFAULT_POLICY)


def _held(uow, unit_id: int) -> UnitPolicy:
    held = uow.policies.get(unit_id)
    return UnitPolicy(unit_id, *held) if held else UnitPolicy(unit_id, DEFAULT_POLICY)
