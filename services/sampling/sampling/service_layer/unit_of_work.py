from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm


class SamplingUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox
