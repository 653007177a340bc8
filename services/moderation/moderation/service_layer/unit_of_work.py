from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.repository import AllocationRepository


class ModerationUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def _bind_repositories(self, session):
        self.allocations = AllocationRepository(session)
