from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.read_models import ReadModels
from ..adapters.repository import AllocationRepository
from ..adapters.requests_repository import FurtherSamplesRepository


class ModerationUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def _bind_repositories(self, session):
        self.allocations = AllocationRepository(session)
        self.read_models = ReadModels(session)
        self.further_samples = FurtherSamplesRepository(session)
