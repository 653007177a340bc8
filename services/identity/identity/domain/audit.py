"""The access audit log: one entry per sign-in event, never changed once written."""
from dataclasses import dataclass, field
from datetime import datetime

SIGN_IN, SIGN_OUT = "sign_in", "sign_out"
ACCOUNT_LOCKED, MFA_ENROLLED = "account_locked", "mfa_enrolled"
SUCCESS, FAILURE = "success", "failure"

# Why a sign-in failed; kept in the entry's detail, never shown to the person signing in.
UNKNOWN_EMAIL, WRONG_PASSWORD, WRONG_CODE = "unknown_email", "wrong_password", "wrong_code"
REUSED_CODE, LOCKED = "reused_code", "locked"


@dataclass(frozen=True)
class Origin:
    """Where a request came from, as the gateway reports it."""
    ip: str | None = None
    user_agent: str | None = None


@dataclass
class AuditEntry:
    occurred_at: datetime
    action: str
    outcome: str
    actor_user_id: str | None = None
    actor_email: str | None = None
    centre: str | None = None
    detail: dict = field(default_factory=dict)
    ip: str | None = None
    user_agent: str | None = None
    id: int | None = None
