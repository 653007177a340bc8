"""Writing and reading the marks audit log; entries join the transaction of what they record."""
from datetime import datetime

from ..domain.access import Actor, check_audit_reader
from ..domain.audit import AuditEntry


def entry(actor: Actor, now: datetime, action: str, centre: str | None, unit_id: int | None = None,
          candidate_number: str | None = None, **detail) -> AuditEntry:
    return AuditEntry(occurred_at=now, action=action, user_id=actor.user_id[:100], user_name=actor.name[:200],
                      user_email=actor.email[:320], account_type=actor.account_type[:20], centre=centre,
                      unit_id=unit_id, candidate_number=candidate_number, detail=detail)


def record(uow, actor: Actor, now: datetime, action: str, centre: str | None, unit_id: int | None = None,
           candidate_number: str | None = None, **detail) -> None:
    uow.audit.add(entry(actor, now, action, centre, unit_id, candidate_number, **detail))


def list_centre_audit(uow, actor: Actor, centre: str, limit: int = 100) -> list[dict]:
    """The centre's entries, newest first."""
    check_audit_reader(actor, centre)
    with uow:
        return [{"id": e.id, "at": e.occurred_at.isoformat(), "action": e.action, "user_id": e.user_id,
                 "user_name": e.user_name, "user_email": e.user_email, "account_type": e.account_type,
                 "centre": e.centre, "unit_id": e.unit_id, "candidate_number": e.candidate_number,
                 "detail": e.detail} for e in uow.audit.list_for_centre(centre, limit)]
