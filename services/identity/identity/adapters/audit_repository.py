"""The audit log offers only add and list: entries are never changed or removed."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.audit import AuditEntry
from .orm import audit_log


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)

    def list_for_centre(self, centre: str, limit: int = 100) -> list[AuditEntry]:
        query = (select(AuditEntry).where(audit_log.c.centre == centre)
                 .order_by(audit_log.c.occurred_at.desc(), audit_log.c.id.desc()).limit(limit))
        return list(self.session.scalars(query))
