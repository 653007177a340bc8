"""In-memory fakes of the identity repositories and unit of work, for the unit tests."""
import pytest

from identity.domain.model import Centre


class FakeUsers:
    """The same rules as the SQL repository, applied through the domain methods it mirrors."""

    def __init__(self):
        self.by_id = {}

    def add(self, user):
        user.email = user.email.strip().lower()
        self.by_id[user.id] = user

    def get(self, user_id):
        return self.by_id.get(user_id)

    def get_by_email(self, email):
        return next((u for u in self.by_id.values() if u.email == email.strip().lower()), None)

    def record_failure(self, user, now, policy):
        user.register_failure(now, policy)

    def record_success(self, user, now):
        return user.register_success(now)

    def accept_time_step(self, user, step):
        return user.accept_time_step(step)

    def confirm_mfa(self, user, secret):
        user.mfa_secret = secret

    def activate(self, user, now):
        return user.activate(now)

    def set_password_hash(self, user, password_hash):
        user.password_hash = password_hash


class FakeStore:
    def __init__(self, key="id"):
        self.items, self.key = {}, key

    def add(self, item):
        self.items[getattr(item, self.key)] = item

    def get(self, key):
        return self.items.get(key)


class FakeChallenges(FakeStore):
    def consume(self, challenge, now):
        if not challenge.is_usable(now):
            return False
        challenge.used_at = now
        return True


class FakeSessions(FakeStore):
    def touch(self, user_session, now, policy):
        if not user_session.is_active(now, policy):
            return False
        user_session.last_seen_at = now
        return True

    def end(self, user_session, now, reason):
        if user_session.ended_at is not None:
            return False
        user_session.ended_at, user_session.end_reason = now, reason
        return True


class FakeAudit:
    def __init__(self):
        self.entries = []

    def add(self, entry):
        self.entries.append(entry)

    def list_for_centre(self, centre, limit=100):
        return [e for e in reversed(self.entries) if e.centre == centre][:limit]


class FakeUnitOfWork:
    """Events reach `published` only on commit, as outbox rows do in the real transaction."""

    def __init__(self):
        self.users, self.centres = FakeUsers(), FakeStore("number")
        self.challenges, self.sessions, self.audit = FakeChallenges(), FakeSessions(), FakeAudit()
        self.pending, self.published = [], []

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.pending = []

    def publish(self, envelope):
        self.pending.append(envelope)

    def commit(self):
        self.published += self.pending
        self.pending = []

    def reasons(self):
        return [e.detail.get("reason") for e in self.audit.entries if e.outcome == "failure"]

    def actions(self):
        return [e.action for e in self.audit.entries]


@pytest.fixture
def uow():
    fake = FakeUnitOfWork()
    fake.centres.add(Centre(number=68101, name="Demo Centre"))
    return fake
