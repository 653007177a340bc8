"""Invitations and the emails that carry them; accepting is a conditional UPDATE, so a link works once."""
from datetime import datetime

from sqlalchemy import and_, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..domain.emails import OutgoingEmail
from ..domain.invitations import Invitation, hash_token
from .orm import invitations, outgoing_emails


class InvitationRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, invitation: Invitation) -> None:
        # The tables are mapped without relationships, so the ORM would not know to insert the user first.
        self.session.flush()
        self.session.add(invitation)

    def get_by_token(self, token: str) -> Invitation | None:
        query = select(Invitation).where(invitations.c.token_hash == hash_token(token))
        return self.session.scalars(query).first()

    def latest_for(self, user_ids: list[str]) -> dict[str, Invitation]:
        """Each user's newest invitation, for the status column of the users list."""
        found: dict[str, Invitation] = {}
        if user_ids:
            query = (select(Invitation).where(invitations.c.user_id.in_(user_ids))
                     .order_by(invitations.c.created_at))
            for invitation in self.session.scalars(query):
                found[invitation.user_id] = invitation
        return found

    def use(self, invitation: Invitation, now: datetime) -> bool:
        """Mark it used; False when another request used it, or it was withdrawn, a moment ago."""
        self.session.flush()
        result = self.session.execute(update(invitations).where(and_(
            invitations.c.id == invitation.id, invitations.c.used_at.is_(None),
            invitations.c.revoked_at.is_(None), invitations.c.expires_at > now)).values(used_at=now))
        if result.rowcount != 1:
            return False
        set_committed_value(invitation, "used_at", now)
        return True

    def revoke_for_user(self, user_id: str, now: datetime) -> None:
        self.session.flush()
        self.session.execute(update(invitations).where(and_(
            invitations.c.user_id == user_id, invitations.c.used_at.is_(None),
            invitations.c.revoked_at.is_(None))).values(revoked_at=now))


class OutgoingEmailRepository:
    """Only adds: the worker (adapters/mail_queue.py) delivers what is queued here."""

    def __init__(self, session: Session):
        self.session = session

    def add(self, email: OutgoingEmail) -> None:
        self.session.execute(insert(outgoing_emails).values(
            id=email.id, to_address=email.to_address, subject=email.subject, body=email.body,
            language=email.language, created_at=email.created_at, next_attempt_at=email.created_at, attempts=0))
