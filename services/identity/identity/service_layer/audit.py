"""Writing and reading the access audit log; entries join the transaction of the change they record."""
from datetime import datetime

from ..domain.access import centre_code
from ..domain.audit import AuditEntry, AuditQuery, Origin
from ..domain.model import User


def record(uow, now: datetime, origin: Origin, action: str, outcome: str,
           user: User | None = None, email: str | None = None, subject: User | None = None, **detail) -> None:
    """`user` did `action` (to `subject`, if given); both names are copied into the entry."""
    centre = centre_code(user.centre_number) if user and user.centre_number is not None else None
    uow.audit.add(AuditEntry(
        occurred_at=now, action=action, outcome=outcome,
        actor_user_id=user.id if user else None,
        actor_email=(user.email if user else email or "")[:320] or None,
        actor_name=user.full_name[:201] if user else None,
        subject_user_id=subject.id if subject else None,
        subject_name=subject.full_name[:201] if subject else None,
        centre=centre, detail=detail,
        ip=(origin.ip or "")[:255] or None, user_agent=(origin.user_agent or "")[:1000] or None,
    ))


def list_centre_audit(uow, centre: str, limit: int = 100) -> list[dict]:
    """The centre's entries, newest first."""
    return search_audit(uow, AuditQuery(centre=centre, limit=limit))


def search_audit(uow, query: AuditQuery) -> list[dict]:
    with uow:
        return [entry_view(e) for e in uow.audit.search(query)]


def entry_view(e: AuditEntry) -> dict:
    return {"id": e.id, "occurred_at": e.occurred_at, "actor_user_id": e.actor_user_id,
            "actor_email": e.actor_email, "actor_name": e.actor_name, "centre": e.centre, "action": e.action,
            "outcome": e.outcome, "subject_user_id": e.subject_user_id, "subject_name": e.subject_name,
            "detail": e.detail, "ip": e.ip, "user_agent": e.user_agent}
