"""Users and centres. Sign-in counters change only through single atomic UPDATEs, so the
lock-out and the one-use rule for codes hold across gunicorn workers and processes."""
from datetime import datetime

from sqlalchemy import and_, case, literal, null, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..domain.model import ACTIVE, Centre, User
from ..domain.policy import SignInPolicy
from .orm import users
from .types import UtcDateTime


def normalise_email(email: str) -> str:
    return email.strip().lower()


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, user: User) -> None:
        user.email = normalise_email(user.email)
        self.session.add(user)

    def get(self, user_id: str) -> User | None:
        return self.session.get(User, user_id)

    def get_by_email(self, email: str) -> User | None:
        return self.session.scalars(select(User).where(users.c.email == normalise_email(email))).first()

    def record_failure(self, user: User, now: datetime, policy: SignInPolicy) -> None:
        lock_ran_out = and_(users.c.locked_until.is_not(None), users.c.locked_until <= now)
        count = case((lock_ran_out, 0), else_=users.c.failed_attempts) + 1
        current_lock = case((lock_ran_out, null()), else_=users.c.locked_until)
        new_lock = case((and_(current_lock.is_(None), count >= policy.max_failures),
                         literal(policy.locked_until(now), UtcDateTime)), else_=current_lock)
        self._update(user, users.c.id == user.id, failed_attempts=count, locked_until=new_lock)

    def record_success(self, user: User, now: datetime) -> bool:
        """Reset the failures; refused (False) if the account was locked meanwhile."""
        not_locked = or_(users.c.locked_until.is_(None), users.c.locked_until <= now)
        if self._update(user, and_(users.c.id == user.id, not_locked),
                        failed_attempts=0, locked_until=None, last_signed_in_at=now):
            return True
        self.session.refresh(user, ["locked_until"])
        return False

    def accept_time_step(self, user: User, step: int) -> bool:
        later = or_(users.c.mfa_last_step.is_(None), users.c.mfa_last_step < step)
        return self._update(user, and_(users.c.id == user.id, later), mfa_last_step=step)

    def confirm_mfa(self, user: User, secret: str) -> None:
        self._update(user, users.c.id == user.id, mfa_secret=secret)

    def activate(self, user: User, now: datetime) -> bool:
        """Make the user active; True only for the one call that activated them first."""
        self._update(user, users.c.id == user.id, status=ACTIVE)
        return self._update(user, and_(users.c.id == user.id, users.c.activated_at.is_(None)),
                            activated_at=now)

    def set_password_hash(self, user: User, password_hash: str) -> None:
        self._update(user, users.c.id == user.id, password_hash=password_hash)

    def _update(self, user: User, condition, **values) -> bool:
        """One conditional UPDATE; the in-memory user then shows what the database now holds."""
        self.session.flush()  # a Core UPDATE does not flush pending ORM changes by itself
        returned = [users.c[name] for name in values]
        row = self.session.execute(update(users).where(condition).values(**values)
                                   .returning(*returned)).first()
        if row is None:
            return False
        for name, value in zip(values, row):
            set_committed_value(user, name, value)
        return True


class CentreRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, number: int) -> Centre | None:
        return self.session.get(Centre, number)

    def add(self, centre: Centre) -> None:
        self.session.add(centre)
