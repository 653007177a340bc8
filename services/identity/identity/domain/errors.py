"""What can go wrong when someone signs in or uses a session; each maps to one HTTP answer."""
from datetime import datetime

from iamis_shared.errors import DomainError


class SignInFailed(DomainError):
    """The email address, password or security code is not right. Check them and try again."""


class ChallengeExpired(DomainError):
    """Your sign-in took too long or was already used. Start again with your email address and password."""


class AccountLocked(DomainError):
    def __init__(self, locked_until: datetime):
        super().__init__(
            "Your account is locked after too many unsuccessful attempts. "
            f"Try again after {locked_until:%H:%M} UTC on {locked_until:%d %B %Y}.",
            locked_until=locked_until.isoformat())
        self.locked_until = locked_until


class SessionEnded(DomainError):
    """Your session has ended. Sign in again."""


class CentreMissing(DomainError):
    """Your account is not linked to a centre, so there is nothing to show."""
