"""A clock the unit tests move, light password hashing, and users added to the fake unit of work."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher

from identity.domain.model import ACTIVE, User
from identity.domain.passwords import Passwords
from identity.domain.policy import SignInPolicy

PASSWORD = "Correct-Horse-42"


class Clock:
    def __init__(self):
        self.now = datetime(2025, 6, 2, 9, 0, 0, tzinfo=timezone.utc)

    def advance(self, **delta):
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture(scope="session")
def passwords():
    # Light argon2 settings keep the unit tests fast; the service uses the library's defaults.
    return Passwords(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def policy():
    return SignInPolicy(max_failures=5, lock_minutes=15, idle_minutes=30, max_hours=12)


@pytest.fixture
def make_user(uow, passwords):
    def make(email="teacher@demo-centre.example", account_type="user", centre_number=68101,
             permissions=("iamis",), mfa_secret=None, status=ACTIVE, password=PASSWORD, **extra):
        user = User(id=str(uuid.uuid4()), first_name="Tomos", last_name="Jones", email=email,
                    account_type=account_type, centre_number=centre_number, permissions=list(permissions),
                    status=status, password_hash=passwords.hash(password) if password else None,
                    mfa_secret=mfa_secret, created_at=datetime(2025, 1, 1, tzinfo=timezone.utc), **extra)
        uow.users.add(user)
        return user
    return make
