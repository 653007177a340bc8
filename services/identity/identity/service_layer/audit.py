"""Writing and reading the access audit log; entries join the transaction of the change they record."""
from datetime import datetime

from ..domain.access import centre_code
from ..domain.audit import AuditEntry, Origin
from ..domain.model import User


def record(uow, now: datetime, origin: Origin, action: str, outcome: str,
           user: User | None = None, email: str | None = None, **detail) -> None:
    centre = centre_code(user.centre_number) if user and user.centre_number is not None else None
    uow.audit.add(AuditEntry(
        occurred_at=now, action=action, outcome=outcome,
        actor_user_id=user.id if user else None,
        actor_email=(user.email if user else email or "")[:320] or None,
        centre=centre, detail=detail,
        ip=(origin.ip or "")[:255] or None, user_agent=(origin.user_agent or "")[:1000] or None,
    ))


def list_centre_audit(uow, centre: str, limit: int = 100) -> list[dict]:
    """The centre's entries, newest first."""
    with uow:
        return [{"id": e.id, "occurred_at": e.occurred_at, "actor_user_id": e.actor_user_id,
                 "actor_email": e.actor_email, "centre": e.centre, "action": e.action,
                 "outcome": e.outcome, "detail": e.detail, "ip": e.ip, "user_agent": e.user_agent}
                for e in uow.audit.list_for_centre(centre, limit)]
