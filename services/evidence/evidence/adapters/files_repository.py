"""Evidence files and the notes to the moderator."""
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from iamis_shared.inserts import insert_once

from ..domain.files import EvidenceFile, ModeratorNote
from .orm import evidence_files, moderator_notes

FILE_COLUMNS = ("id", "centre", "unit_id", "candidate_number", "filename", "size", "content_type", "key",
                "checksum_sha256", "uploaded_by", "uploaded_by_name", "uploaded_at")


class FileRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, file: EvidenceFile) -> bool:
        """False if the file was recorded meanwhile by another request completing the same upload."""
        return insert_once(self.session, insert(evidence_files).values({c: getattr(file, c) for c in FILE_COLUMNS}))

    def get(self, file_id: str, for_update: bool = False) -> EvidenceFile | None:
        query = select(evidence_files).where(evidence_files.c.id == file_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return EvidenceFile(**{c: getattr(row, c) for c in FILE_COLUMNS}) if row else None

    def remove(self, file_id: str) -> None:
        self.session.execute(delete(evidence_files).where(evidence_files.c.id == file_id))

    def for_unit(self, centre: str, unit_id: int) -> list[EvidenceFile]:
        t = evidence_files
        rows = self.session.execute(select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)
                                    .order_by(t.c.uploaded_at, t.c.filename)).all()
        return [EvidenceFile(**{c: getattr(row, c) for c in FILE_COLUMNS}) for row in rows]


class NoteRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, centre: str, unit_id: int) -> ModeratorNote | None:
        t = moderator_notes
        row = self.session.execute(select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)).first()
        return ModeratorNote(row.centre, row.unit_id, row.text, row.updated_at, row.updated_by,
                             row.updated_by_name) if row else None

    def put(self, note: ModeratorNote) -> None:
        """An empty text removes the note."""
        t = moderator_notes
        self.session.execute(delete(t).where(t.c.centre == note.centre, t.c.unit_id == note.unit_id))
        if note.text:
            self.session.execute(insert(t).values(
                centre=note.centre, unit_id=note.unit_id, text=note.text, updated_at=note.updated_at,
                updated_by=note.updated_by, updated_by_name=note.updated_by_name))
