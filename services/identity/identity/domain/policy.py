"""The numbers that govern sign-in and sessions; read from configuration, passed into the handlers."""
from dataclasses import dataclass
from datetime import datetime, timedelta

CHALLENGE_MINUTES = 5


@dataclass(frozen=True)
class SignInPolicy:
    max_failures: int = 5
    lock_minutes: float = 15
    idle_minutes: float = 30
    max_hours: float = 12
    challenge_minutes: float = CHALLENGE_MINUTES

    def locked_until(self, now: datetime) -> datetime:
        return now + timedelta(minutes=self.lock_minutes)

    def challenge_expires(self, now: datetime) -> datetime:
        return now + timedelta(minutes=self.challenge_minutes)

    @property
    def idle_timeout(self) -> timedelta:
        return timedelta(minutes=self.idle_minutes)

    @property
    def max_age(self) -> timedelta:
        return timedelta(hours=self.max_hours)
