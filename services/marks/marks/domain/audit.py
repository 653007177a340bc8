"""The marks audit log: every read and change of candidate marks, never changed once written."""
from dataclasses import dataclass, field
from datetime import datetime

MARKSHEET_READ, MARKSHEET_EXPORTED = "marksheet_read", "marksheet_exported"
MARK_CHANGED, MARKS_IMPORTED = "mark_changed", "marks_imported"
MARKSHEET_SUBMITTED, ENTRIES_LOADED = "marksheet_submitted", "entries_loaded"


@dataclass
class AuditEntry:
    occurred_at: datetime
    action: str
    user_id: str
    user_name: str = ""
    user_email: str = ""
    account_type: str = ""
    centre: str | None = None
    unit_id: int | None = None
    candidate_number: str | None = None
    detail: dict = field(default_factory=dict)
    id: int | None = None
