"""Signed-in sessions: read (which refreshes the idle timer) and end (sign-out)."""
from datetime import datetime

from ..domain import audit
from ..domain.access import claims_for
from ..domain.errors import SessionEnded
from ..domain.policy import SignInPolicy
from ..domain.sessions import UserSession
from .audit import record

SIGNED_OUT, TIMED_OUT, ACCESS_WITHDRAWN = "signed_out", "timed_out", "access_withdrawn"


def read_session(uow, policy: SignInPolicy, session_id: str, now: datetime) -> dict:
    with uow:
        user_session = _active_session(uow, policy, session_id, now)
        user = uow.users.get(user_session.user_id)
        # A lock-out stops new sign-ins only: otherwise anyone could sign a user out by failing five times.
        if user is None or not user.can_use_service():
            uow.sessions.end(user_session, now, ACCESS_WITHDRAWN)
            uow.commit()
            raise SessionEnded()
        if not uow.sessions.touch(user_session, now, policy):
            raise SessionEnded()  # ended by another request a moment ago
        uow.commit()
        return {"user": claims_for(user), "expires_at": user_session.expires_at(policy)}


def end_session(uow, policy: SignInPolicy, session_id: str, origin: audit.Origin, now: datetime) -> None:
    with uow:
        user_session = _active_session(uow, policy, session_id, now)
        if not uow.sessions.end(user_session, now, SIGNED_OUT):
            raise SessionEnded()
        record(uow, now, origin, audit.SIGN_OUT, audit.SUCCESS, user=uow.users.get(user_session.user_id))
        uow.commit()


def _active_session(uow, policy: SignInPolicy, session_id: str, now: datetime) -> UserSession:
    user_session = uow.sessions.get(session_id)
    if user_session is None or user_session.ended_at is not None:
        raise SessionEnded()
    if not user_session.is_active(now, policy):
        # Mark it, so the table shows when and why it ended.
        uow.sessions.end(user_session, now, TIMED_OUT)
        uow.commit()
        raise SessionEnded()
    return user_session
