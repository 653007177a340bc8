"""The audit log offers only add and list: entries are never changed or removed."""
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.audit import AuditEntry, AuditQuery
from .orm import audit_log


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)

    def list_for_centre(self, centre: str, limit: int = 100) -> list[AuditEntry]:
        return self.search(AuditQuery(centre=centre, limit=limit))

    def search(self, wanted: AuditQuery) -> list[AuditEntry]:
        """Newest first; a user filter finds what they did and what was done to them."""
        query = select(AuditEntry).where(audit_log.c.centre == wanted.centre)
        if wanted.user_id:
            query = query.where(or_(audit_log.c.actor_user_id == wanted.user_id,
                                    audit_log.c.subject_user_id == wanted.user_id))
        if wanted.since is not None:
            query = query.where(audit_log.c.occurred_at >= wanted.since)
        if wanted.until is not None:
            query = query.where(audit_log.c.occurred_at < wanted.until)
        query = query.order_by(audit_log.c.occurred_at.desc(), audit_log.c.id.desc()).limit(wanted.limit)
        return list(self.session.scalars(query))
