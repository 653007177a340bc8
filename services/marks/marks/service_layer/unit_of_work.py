from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.audit_repository import AuditRepository
from ..adapters.entry_repository import EntryRepository
from ..adapters.sample_members import SampleMemberRepository
from ..adapters.submission_repository import SubmissionRepository
from ..adapters.unit_repository import KnownUnits, SeriesRepository, UnitRepository


class MarksUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def __init__(self, session_factory=None, session=None, known_units: KnownUnits | None = None):
        super().__init__(session_factory, session)
        self.known_units = known_units

    def _bind_repositories(self, session):
        self.series = SeriesRepository(session)
        self.units = UnitRepository(session, self.known_units)
        self.entries = EntryRepository(session)
        self.submissions = SubmissionRepository(session)
        self.audit = AuditRepository(session)
        self.samples = SampleMemberRepository(session)
