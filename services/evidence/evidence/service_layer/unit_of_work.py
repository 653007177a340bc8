from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm


class EvidenceUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox
