"""Allocations in and out of their table."""
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from iamis_shared.inserts import insert_once

from ..domain.errors import AlreadyAllocated
from ..domain.model import Allocation
from .orm import allocations


class AllocationRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, centre: str, moderator_email: str) -> Allocation | None:
        row = self.session.execute(select(allocations).where(
            allocations.c.centre == centre, allocations.c.moderator_email == moderator_email)).first()
        return _allocation(row) if row else None

    def add(self, allocation: Allocation) -> None:
        """Raises AlreadyAllocated when the pair is allocated already (the key says so, races included)."""
        if not insert_once(self.session, insert(allocations).values(
                id=allocation.id, centre=allocation.centre, moderator_email=allocation.moderator_email,
                moderator_name=allocation.moderator_name, allocated_at=allocation.allocated_at,
                allocated_by=allocation.allocated_by)):
            raise AlreadyAllocated()

    def list(self, moderator_email: str | None = None, centre: str | None = None) -> list[Allocation]:
        query = select(allocations).order_by(allocations.c.centre, allocations.c.moderator_email)
        if moderator_email is not None:
            query = query.where(allocations.c.moderator_email == moderator_email)
        if centre is not None:
            query = query.where(allocations.c.centre == centre)
        return [_allocation(row) for row in self.session.execute(query)]


def _allocation(row) -> Allocation:
    return Allocation(id=row.id, centre=row.centre, moderator_email=row.moderator_email,
                      moderator_name=row.moderator_name, allocated_at=row.allocated_at,
                      allocated_by=row.allocated_by)
