"""The access audit log: one entry per sign-in or centre-user event, never changed once written."""
from dataclasses import dataclass, field
from datetime import datetime

SIGN_IN, SIGN_OUT = "sign_in", "sign_out"
ACCOUNT_LOCKED, MFA_ENROLLED = "account_locked", "mfa_enrolled"
USER_INVITED, INVITATION_RESENT, INVITATION_ACCEPTED = "user_invited", "invitation_resent", "invitation_accepted"
ACCESS_CHANGED, USER_REMOVED = "access_changed", "user_removed"
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
    """`actor` did `action`, to `subject` when there is one (the user invited, changed or removed).

    Names are copied in when the entry is written, so the entry still names a user after removal.
    """
    occurred_at: datetime
    action: str
    outcome: str
    actor_user_id: str | None = None
    actor_email: str | None = None
    centre: str | None = None
    detail: dict = field(default_factory=dict)
    ip: str | None = None
    user_agent: str | None = None
    actor_name: str | None = None
    subject_user_id: str | None = None
    subject_name: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class AuditQuery:
    """Which entries of one centre to list: optionally about one user, between two moments."""
    centre: str
    user_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 100
