"""Centres and users: who may sign in, to which centre they belong, and the state of their sign-in."""
from dataclasses import dataclass, field
from datetime import datetime

from .policy import SignInPolicy

INVITED, ACTIVE = "invited", "active"


@dataclass
class Centre:
    number: int
    name: str


@dataclass
class User:
    id: str
    first_name: str
    last_name: str
    email: str
    account_type: str
    centre_number: int | None = None
    language: str = "en"
    permissions: list[str] = field(default_factory=list)
    status: str = INVITED
    password_hash: str | None = None
    mfa_secret: str | None = None
    mfa_last_step: int | None = None
    failed_attempts: int = 0
    locked_until: datetime | None = None
    last_signed_in_at: datetime | None = None
    activated_at: datetime | None = None
    created_at: datetime | None = None
    removed_at: datetime | None = None  # kept, not deleted: marks and audit entries still name them

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def has_mfa(self) -> bool:
        return bool(self.mfa_secret)

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    def can_use_service(self) -> bool:
        return self.status == ACTIVE and not self.is_removed

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now

    # The rules below are what the repository's atomic UPDATEs do in SQL; the in-memory
    # repositories of the unit tests call them directly.

    def register_failure(self, now: datetime, policy: SignInPolicy) -> None:
        if self.locked_until is not None and self.locked_until <= now:
            self.failed_attempts, self.locked_until = 0, None  # the last lock has run out
        self.failed_attempts += 1
        if self.failed_attempts >= policy.max_failures and self.locked_until is None:
            self.locked_until = policy.locked_until(now)

    def register_success(self, now: datetime) -> bool:
        if self.is_locked(now):
            return False
        self.failed_attempts, self.locked_until, self.last_signed_in_at = 0, None, now
        return True

    def accept_time_step(self, step: int) -> bool:
        """A TOTP time step is accepted once: only a later step than the last one is."""
        if self.mfa_last_step is not None and step <= self.mfa_last_step:
            return False
        self.mfa_last_step = step
        return True

    def activate(self, now: datetime) -> bool:
        """Become active; True only the first time, when the rest of the system must hear of it."""
        first = self.activated_at is None
        self.status = ACTIVE
        if first:
            self.activated_at = now
        return first
