"""The audit log offers only add and list: entries are never changed or removed."""
from dataclasses import asdict

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..domain.audit import AuditEntry
from .orm import audit_log


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, *new: AuditEntry) -> None:
        rows = [{k: v for k, v in asdict(entry).items() if k != "id"} for entry in new]
        if rows:
            self.session.execute(insert(audit_log), rows)

    def list_for_centre(self, centre: str, limit: int = 100) -> list[AuditEntry]:
        query = (select(audit_log).where(audit_log.c.centre == centre)
                 .order_by(audit_log.c.occurred_at.desc(), audit_log.c.id.desc()).limit(limit))
        return [AuditEntry(**row._mapping) for row in self.session.execute(query)]
