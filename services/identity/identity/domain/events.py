"""What identity tells the rest of the system, as plain past-tense facts."""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class UserActivated:
    user_id: str
    name: str
    email: str
    account_type: str
    centres: tuple[str, ...]
    activated_at: datetime


@dataclass(frozen=True)
class UserInvited:
    """Carries no link: the one-time token never leaves identity's database, except in the email itself."""
    user_id: str
    name: str
    email: str
    account_type: str
    centre: str
    language: str
    invited_by: str
    invited_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class AccessChanged:
    user_id: str
    name: str
    centre: str
    account_type: str
    permissions: tuple[str, ...]
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True)
class UserRemoved:
    user_id: str
    name: str
    email: str
    centre: str
    removed_by: str
    removed_at: datetime
