"""Use cases of the moderation service, as plain functions over a unit of work."""
import uuid
from datetime import datetime

from ..domain.access import Actor, check_allocator, moderator_seen_by
from ..domain.errors import AlreadyAllocated
from ..domain.model import Allocation
from . import outgoing


def allocate_moderator(uow, actor: Actor, centre: str, moderator_email: str, moderator_name: str,
                       now: datetime) -> Allocation:
    """Board staff allocate a moderator to a centre; moderation.moderator_allocated leaves in the same
    transaction. The same moderator allocated to the same centre again is refused and changes nothing."""
    check_allocator(actor)
    allocation = Allocation.new(str(uuid.uuid4()), centre, moderator_email, moderator_name, actor.user_id, now)
    with uow:
        _add(uow, allocation)
        uow.commit()
    return allocation


def allocate_if_missing(uow, allocated_by: str, centre: str, moderator_email: str, moderator_name: str,
                        now: datetime) -> Allocation | None:
    """The demo's allocation, made once: None when the moderator is already allocated to the centre."""
    allocation = Allocation.new(str(uuid.uuid4()), centre, moderator_email, moderator_name, allocated_by, now)
    with uow:
        try:
            _add(uow, allocation)
        except AlreadyAllocated:
            return None
        uow.commit()
    return allocation


def list_allocations(uow, actor: Actor, centre: str | None = None) -> list[Allocation]:
    """Board staff see every allocation (of one centre if asked); a moderator sees their own."""
    moderator = moderator_seen_by(actor)
    with uow:
        return uow.allocations.list(moderator_email=moderator, centre=centre)


def _add(uow, allocation: Allocation) -> None:
    uow.allocations.add(allocation)  # raises AlreadyAllocated for a pair allocated before
    uow.publish(outgoing.moderator_allocated(allocation.allocated()))
