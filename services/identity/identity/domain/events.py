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
