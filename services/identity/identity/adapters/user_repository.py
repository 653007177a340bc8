"""Users and centres. Sign-in counters change only through single atomic UPDATEs, so the
lock-out and the one-use rule for codes hold across gunicorn workers and processes."""
from datetime import datetime

from sqlalchemy import and_, case, func, literal, null, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..domain.model import ACTIVE, Centre, User
from ..domain.policy import SignInPolicy
from .orm import users
from iamis_shared.db_types import UtcDateTime


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
        """The present user with this email; a removed user cannot sign in."""
        return self.session.scalars(select(User).where(users.c.email == normalise_email(email),
                                                       users.c.removed_at.is_(None))).first()

    def get_in_centre(self, user_id: str, centre_number: int) -> User | None:
        return self.session.scalars(select(User).where(users.c.id == user_id, users.c.removed_at.is_(None),
                                                       users.c.centre_number == centre_number)).first()

    def list_for_centre(self, centre_number: int, text: str | None = None) -> list[User]:
        """The centre's present users by surname; `text` narrows to names or emails containing it."""
        query = select(User).where(users.c.centre_number == centre_number, users.c.removed_at.is_(None))
        if text:
            wanted = text.lower()
            full_name = func.lower(users.c.first_name + " " + users.c.last_name)
            query = query.where(or_(full_name.contains(wanted, autoescape=True),
                                    users.c.email.contains(wanted, autoescape=True)))
        return list(self.session.scalars(query.order_by(func.lower(users.c.last_name),
                                                        func.lower(users.c.first_name), users.c.email)))

    def count_exams_officers(self, centre_number: int) -> int:
        return self.session.scalar(select(func.count()).select_from(users).where(
            users.c.centre_number == centre_number, users.c.removed_at.is_(None),
            users.c.account_type == "exams_officer"))

    def set_access(self, user: User, account_type: str, permissions: list[str]) -> None:
        self._update(user, users.c.id == user.id, account_type=account_type, permissions=permissions)

    def mark_removed(self, user: User, now: datetime) -> bool:
        return self._update(user, and_(users.c.id == user.id, users.c.removed_at.is_(None)), removed_at=now)

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

    def lock(self, number: int) -> Centre | None:
        """Hold the centre's row until commit, so two changes to its users never both count the same
        Exams Officers (SQLite, which has no row locks, already lets one writer in at a time)."""
        return self.session.get(Centre, number, with_for_update=True, populate_existing=True)

    def add(self, centre: Centre) -> None:
        self.session.add(centre)
