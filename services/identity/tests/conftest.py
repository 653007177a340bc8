"""In-memory fakes of the identity repositories and unit of work, for the unit tests."""
import pytest

from identity.domain.audit import AuditQuery
from identity.domain.invitations import hash_token
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
        return next((u for u in self.by_id.values() if u.email == email.strip().lower() and not u.is_removed),
                    None)

    def get_in_centre(self, user_id, centre_number):
        user = self.by_id.get(user_id)
        return user if user and user.centre_number == centre_number and not user.is_removed else None

    def list_for_centre(self, centre_number, text=None):
        found = [u for u in self.by_id.values() if u.centre_number == centre_number and not u.is_removed
                 and (not text or text.lower() in f"{u.full_name} {u.email}".lower())]
        return sorted(found, key=lambda u: (u.last_name.lower(), u.first_name.lower(), u.email))

    def count_exams_officers(self, centre_number):
        return len([u for u in self.list_for_centre(centre_number) if u.account_type == "exams_officer"])

    def set_access(self, user, account_type, permissions):
        user.account_type, user.permissions = account_type, list(permissions)

    def mark_removed(self, user, now):
        if user.is_removed:
            return False
        user.removed_at = now
        return True

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

    def lock(self, key):
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

    def end_all_for_user(self, user_id, now, reason):
        return sum(self.end(s, now, reason) for s in self.items.values() if s.user_id == user_id)


class FakeInvitations(FakeStore):
    def get_by_token(self, token):
        return next((i for i in self.items.values() if i.token_hash == hash_token(token)), None)

    def latest_for(self, user_ids):
        latest = {}
        for invitation in sorted(self.items.values(), key=lambda i: i.created_at):
            if invitation.user_id in user_ids:
                latest[invitation.user_id] = invitation
        return latest

    def use(self, invitation, now):
        if not invitation.is_pending(now):
            return False
        invitation.used_at = now
        return True

    def revoke_for_user(self, user_id, now):
        for invitation in self.items.values():
            if invitation.user_id == user_id and invitation.used_at is None and invitation.revoked_at is None:
                invitation.revoked_at = now


class FakeAudit:
    def __init__(self):
        self.entries = []

    def add(self, entry):
        self.entries.append(entry)

    def list_for_centre(self, centre, limit=100):
        return self.search(AuditQuery(centre=centre, limit=limit))

    def search(self, wanted):
        found = [e for e in reversed(self.entries) if e.centre == wanted.centre
                 and (not wanted.user_id or wanted.user_id in (e.actor_user_id, e.subject_user_id))
                 and (wanted.since is None or e.occurred_at >= wanted.since)
                 and (wanted.until is None or e.occurred_at < wanted.until)]
        return found[:wanted.limit]


class FakeEmails:
    """Queued emails reach `queued` only on commit, as rows of the real table do."""

    def __init__(self):
        self.pending, self.queued = [], []

    def add(self, email):
        self.pending.append(email)


class FakeUnitOfWork:
    """Events reach `published` only on commit, as outbox rows do in the real transaction."""

    def __init__(self):
        self.users, self.centres = FakeUsers(), FakeStore("number")
        self.challenges, self.sessions, self.audit = FakeChallenges(), FakeSessions(), FakeAudit()
        self.invitations, self.emails = FakeInvitations(), FakeEmails()
        self.pending, self.published = [], []

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.pending = []
        self.emails.pending = []

    def publish(self, envelope):
        self.pending.append(envelope)

    def commit(self):
        self.published += self.pending
        self.emails.queued += self.emails.pending
        self.pending, self.emails.pending = [], []

    def reasons(self):
        return [e.detail.get("reason") for e in self.audit.entries if e.outcome == "failure"]

    def actions(self):
        return [e.action for e in self.audit.entries]


@pytest.fixture
def uow():
    fake = FakeUnitOfWork()
    fake.centres.add(Centre(number=68101, name="Demo Centre"))
    return fake
