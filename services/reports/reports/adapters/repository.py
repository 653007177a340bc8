from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.model import DirectoryEntry


class DirectoryRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, user_id: str) -> DirectoryEntry | None:
        return self.session.get(DirectoryEntry, user_id)

    def add(self, entry: DirectoryEntry) -> None:
        self.session.add(entry)

    def list(self, centre: str | None = None) -> list[DirectoryEntry]:
        entries = self.session.scalars(select(DirectoryEntry).order_by(DirectoryEntry.name)).all()
        return [e for e in entries if centre is None or centre in e.centres]
