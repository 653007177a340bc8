from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.policies import PolicyRepository
from ..adapters.repository import SampleRepository


class SamplingUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def _bind_repositories(self, session):
        self.samples = SampleRepository(session)
        self.policies = PolicyRepository(session)
