"""The audit log offers only add and list: entries are never changed or removed."""
from dataclasses import fields

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from ..domain.audit import AuditEntry
from .orm import audit_log
from .prepared import Prepared

COLUMNS = [f.name for f in fields(AuditEntry) if f.name != "id"]
# One entry per save or read: the hot path, prepared; an import's many go in one multi-row INSERT.
ADD_ONE = Prepared("marks_audit_add", insert(audit_log).values({name: bindparam(name) for name in COLUMNS}))


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, *new: AuditEntry) -> None:
        rows = [{name: getattr(entry, name) for name in COLUMNS} for entry in new]
        if len(rows) == 1:
            ADD_ONE.execute(self.session, rows[0])
        elif rows:
            self.session.execute(insert(audit_log), rows)

    def list_for_centre(self, centre: str, limit: int = 100) -> list[AuditEntry]:
        query = (select(audit_log).where(audit_log.c.centre == centre)
                 .order_by(audit_log.c.occurred_at.desc(), audit_log.c.id.desc()).limit(limit))
        return [AuditEntry(**row._mapping) for row in self.session.execute(query)]
