from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.audit_repository import AuditRepository
from ..adapters.entry_repository import EntryRepository
from ..adapters.submission_repository import SubmissionRepository
from ..adapters.unit_repository import SeriesRepository, UnitRepository


class MarksUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def _bind_repositories(self, session):
        self.series = SeriesRepository(session)
        self.units = UnitRepository(session)
        self.entries = EntryRepository(session)
        self.submissions = SubmissionRepository(session)
        self.audit = AuditRepository(session)
