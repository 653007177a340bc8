"""Sign-in challenges and sessions; each one-time use is a conditional UPDATE, safe under races."""
from datetime import datetime

from sqlalchemy import and_, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..domain.policy import SignInPolicy
from ..domain.sessions import SignInChallenge, UserSession
from .orm import sessions, sign_in_challenges


class ChallengeRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, challenge: SignInChallenge) -> None:
        self.session.add(challenge)

    def get(self, challenge_id: str) -> SignInChallenge | None:
        return self.session.get(SignInChallenge, challenge_id)

    def consume(self, challenge: SignInChallenge, now: datetime) -> bool:
        table = sign_in_challenges
        self.session.flush()  # a Core UPDATE does not flush pending ORM changes by itself
        result = self.session.execute(
            update(table).where(and_(table.c.id == challenge.id, table.c.used_at.is_(None),
                                     table.c.expires_at > now)).values(used_at=now))
        if result.rowcount != 1:
            return False
        set_committed_value(challenge, "used_at", now)
        return True


class SessionRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, user_session: UserSession) -> None:
        self.session.add(user_session)

    def get(self, session_id: str) -> UserSession | None:
        return self.session.get(UserSession, session_id)

    def touch(self, user_session: UserSession, now: datetime, policy: SignInPolicy) -> bool:
        """Refresh the idle timer, unless the session ended or ran out meanwhile."""
        table = sessions
        self.session.flush()
        still_active = and_(table.c.id == user_session.id, table.c.ended_at.is_(None),
                            table.c.last_seen_at > now - policy.idle_timeout,
                            table.c.created_at > now - policy.max_age)
        result = self.session.execute(update(table).where(still_active).values(last_seen_at=now))
        if result.rowcount != 1:
            return False
        set_committed_value(user_session, "last_seen_at", now)
        return True

    def end(self, user_session: UserSession, now: datetime, reason: str) -> bool:
        table = sessions
        self.session.flush()
        result = self.session.execute(
            update(table).where(and_(table.c.id == user_session.id, table.c.ended_at.is_(None)))
            .values(ended_at=now, end_reason=reason))
        if result.rowcount != 1:
            return False
        set_committed_value(user_session, "ended_at", now)
        set_committed_value(user_session, "end_reason", reason)
        return True

    def end_all_for_user(self, user_id: str, now: datetime, reason: str) -> int:
        """End every open session of a user at once (removal): the next request of each finds it ended."""
        self.session.flush()
        result = self.session.execute(update(sessions).where(and_(sessions.c.user_id == user_id,
                                                                  sessions.c.ended_at.is_(None)))
                                      .values(ended_at=now, end_reason=reason))
        return result.rowcount
