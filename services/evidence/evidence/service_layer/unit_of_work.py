from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.files_repository import FileRepository, NoteRepository
from ..adapters.read_models import ReadModels
from ..adapters.uploads_repository import UploadRepository


class EvidenceUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def _bind_repositories(self, session):
        self.read_models = ReadModels(session)
        self.uploads = UploadRepository(session)
        self.files = FileRepository(session)
        self.notes = NoteRepository(session)
