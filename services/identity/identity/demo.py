"""The demo centres and accounts: every account signs in with DEMO_PASSWORD and has MFA set up."""
import uuid
from dataclasses import dataclass
from datetime import datetime

from .domain import totp
from .domain.model import ACTIVE, Centre, User
from .domain.passwords import Passwords
from .service_layer.outgoing import envelope_for, user_activated

DEMO_PASSWORD = "Demo-Pass-2025"
DEMO_CENTRES = {68101: "Demo Centre", 68102: "Other Centre"}


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    account_type: str
    centre_number: int | None
    permissions: tuple[str, ...] = ()


DEMO_ACCOUNTS = (
    DemoAccount("exams.officer@demo-centre.example", "Eleri", "Evans", "exams_officer", 68101),
    DemoAccount("teacher@demo-centre.example", "Tomos", "Jones", "user", 68101, ("iamis",)),
    DemoAccount("no.access@demo-centre.example", "Nia", "Williams", "user", 68101),
    DemoAccount("teacher@other-centre.example", "Owen", "Price", "user", 68102, ("iamis",)),
    DemoAccount("moderator@board.example", "Mared", "Hughes", "moderator", None, ("iamis",)),
    DemoAccount("staff@board.example", "Sian", "Roberts", "board_staff", None, ("iamis",)),
)
DEMO_EMAILS = frozenset(account.email for account in DEMO_ACCOUNTS)


def seed_demo(uow, passwords: Passwords, now: datetime) -> list[str]:
    """Add whatever demo centre or account is missing; returns the emails added. Safe to repeat."""
    added = []
    with uow:
        for number, name in DEMO_CENTRES.items():
            if uow.centres.get(number) is None:
                uow.centres.add(Centre(number=number, name=name))
        for account in DEMO_ACCOUNTS:
            if uow.users.get_by_email(account.email) is not None:
                continue
            user = User(id=str(uuid.uuid4()), first_name=account.first_name, last_name=account.last_name,
                        email=account.email, account_type=account.account_type,
                        centre_number=account.centre_number, permissions=list(account.permissions),
                        status=ACTIVE, password_hash=passwords.hash(DEMO_PASSWORD),
                        mfa_secret=totp.new_secret(), activated_at=now, created_at=now)
            uow.users.add(user)
            # Other services learn of users only from this event, demo accounts included.
            uow.publish(envelope_for(user_activated(user, now)))
            added.append(account.email)
        uow.commit()
    return added


def demo_code(uow, email: str, now: datetime) -> str | None:
    """The current one-time code of a demo account (None if it has not been seeded)."""
    with uow:
        user = uow.users.get_by_email(email)
        return totp.code_at(user.mfa_secret, now) if user is not None and user.mfa_secret else None
