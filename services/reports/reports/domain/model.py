"""The user directory: who may appear on printed reports (teachers' names, moderators)."""
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class DirectoryEntry:
    user_id: str
    name: str
    email: str
    account_type: str
    centres: list[str] = field(default_factory=list)
    activated_at: datetime | None = None
    removed: bool = False

    def display_name(self) -> str:
        return self.name or self.email
