from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.audit_repository import AuditRepository
from ..adapters.entry_repository import EntryRepository
from ..adapters.mark_save import commit_each_statement
from ..adapters.sample_members import SampleMemberRepository
from ..adapters.submission_repository import SubmissionRepository
from ..adapters.unit_repository import KnownUnits, SeriesRepository, UnitRepository


class MarksUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def __init__(self, session_factory=None, session=None, known_units: KnownUnits | None = None):
        super().__init__(session_factory, session)
        self.known_units = known_units
        self._each_statement, self._end_each_statement = False, None

    def statement_by_statement(self) -> "MarksUnitOfWork":
        """For a use case that reads, then writes everything in one statement (a mark save): where the save is
        one statement (PostgreSQL), each statement commits itself, sparing a BEGIN and a COMMIT round trip;
        elsewhere it is the usual transaction."""
        self._each_statement = True
        return self

    def __enter__(self):
        super().__enter__()
        if self._each_statement and self._given is None:
            try:
                self._end_each_statement = commit_each_statement(self.session)
            except BaseException:
                self.session.close()
                raise
        return self

    def __exit__(self, *exc_info):
        if self._end_each_statement is not None:  # before the connection goes back to the pool
            self._end_each_statement()
            self._end_each_statement = None
        super().__exit__(*exc_info)

    def commit(self) -> None:
        if self._end_each_statement is None:  # else every statement has committed itself already
            super().commit()

    def _bind_repositories(self, session):
        self.series = SeriesRepository(session)
        self.units = UnitRepository(session, self.known_units)
        self.entries = EntryRepository(session)
        self.submissions = SubmissionRepository(session)
        self.audit = AuditRepository(session)
        self.samples = SampleMemberRepository(session)
