"""Sign-in challenges (between the password and the code) and signed-in sessions."""
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from .policy import SignInPolicy


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass
class SignInChallenge:
    """Proof that the password was right; good for one code check within a few minutes.

    A user enrolling in MFA keeps the new secret here until the first code confirms it.
    """
    user_id: str
    created_at: datetime
    expires_at: datetime
    pending_secret: str | None = None
    used_at: datetime | None = None
    id: str = field(default_factory=new_token)

    def is_usable(self, now: datetime) -> bool:
        return self.used_at is None and self.expires_at > now


@dataclass
class UserSession:
    user_id: str
    created_at: datetime
    last_seen_at: datetime
    ended_at: datetime | None = None
    end_reason: str | None = None
    id: str = field(default_factory=new_token)

    def expires_at(self, policy: SignInPolicy) -> datetime:
        return min(self.last_seen_at + policy.idle_timeout, self.created_at + policy.max_age)

    def is_active(self, now: datetime, policy: SignInPolicy) -> bool:
        return self.ended_at is None and self.expires_at(policy) > now
