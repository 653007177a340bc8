"""Invitations: a single-use link that lets an invited user choose their password, for a few days.

Only a hash of the token is stored, so the database alone cannot be used to accept an invitation.
"""
import hashlib
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .errors import InvitationExpired, InvitationUsed


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class InvitationPolicy:
    days: float = 7
    public_url: str = "http://localhost:8000"  # where the invitee's browser reaches the site

    def expires_at(self, now: datetime) -> datetime:
        return now + timedelta(days=self.days)

    def link(self, token: str) -> str:
        return f"{self.public_url.rstrip('/')}/invitation/{token}"


@dataclass
class Invitation:
    user_id: str
    token_hash: str
    created_at: datetime
    expires_at: datetime
    invited_by: str | None = None
    used_at: datetime | None = None
    revoked_at: datetime | None = None  # a newer invite was sent, or the user was removed
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @classmethod
    def issue(cls, user_id: str, invited_by: str | None, now: datetime,
              policy: InvitationPolicy) -> tuple["Invitation", str]:
        """A new invitation and its token; the token goes into the email and nowhere else."""
        token = secrets.token_urlsafe(32)
        return cls(user_id=user_id, token_hash=hash_token(token), created_at=now,
                   expires_at=policy.expires_at(now), invited_by=invited_by), token

    def check_usable(self, now: datetime) -> None:
        if self.used_at is not None:
            raise InvitationUsed()
        if self.revoked_at is not None or self.expires_at <= now:
            raise InvitationExpired()

    def is_pending(self, now: datetime) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > now
