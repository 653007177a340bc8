"""Sessions through the handlers: the idle timer, the absolute limit, sign-out, withdrawn access."""
from datetime import timedelta

import pytest

from identity.domain.audit import Origin
from identity.domain.errors import SessionEnded
from identity.domain.sessions import UserSession
from identity.service_layer.sessions import end_session, read_session


@pytest.fixture
def signed_in(uow, make_user, clock):
    user = make_user()
    user_session = UserSession(user_id=user.id, created_at=clock.now, last_seen_at=clock.now)
    uow.sessions.add(user_session)
    return user, user_session


def test_reading_a_session_refreshes_its_idle_timer(uow, policy, clock, signed_in):
    user, user_session = signed_in
    clock.advance(minutes=29)
    read = read_session(uow, policy, user_session.id, clock.now)
    assert read["user"]["sub"] == user.id
    assert read["expires_at"] == clock.now + timedelta(minutes=30)
    clock.advance(minutes=29)
    assert read_session(uow, policy, user_session.id, clock.now)["user"]["email"] == user.email


def test_an_idle_session_ends(uow, policy, clock, signed_in):
    _, user_session = signed_in
    clock.advance(minutes=30)
    with pytest.raises(SessionEnded):
        read_session(uow, policy, user_session.id, clock.now)
    assert user_session.end_reason == "timed_out"


def test_a_busy_session_still_ends_at_the_absolute_limit(uow, policy, clock, signed_in):
    _, user_session = signed_in
    for _ in range(12 * 4 - 1):
        read_session(uow, policy, user_session.id, clock.advance(minutes=15))
    assert read_session(uow, policy, user_session.id, clock.now)["expires_at"] == \
        user_session.created_at + timedelta(hours=12)
    with pytest.raises(SessionEnded):
        read_session(uow, policy, user_session.id, clock.advance(minutes=15))


def test_signing_out_ends_the_session_once_and_is_audited(uow, policy, clock, signed_in):
    user, user_session = signed_in
    end_session(uow, policy, user_session.id, Origin(), clock.now)
    with pytest.raises(SessionEnded):
        read_session(uow, policy, user_session.id, clock.now)
    with pytest.raises(SessionEnded):
        end_session(uow, policy, user_session.id, Origin(), clock.now)
    assert [(e.action, e.actor_user_id) for e in uow.audit.entries] == [("sign_out", user.id)]


def test_a_lock_out_by_someone_else_does_not_end_the_signed_in_session(uow, policy, clock, signed_in):
    user, user_session = signed_in
    user.locked_until = clock.now + timedelta(minutes=15)
    assert read_session(uow, policy, user_session.id, clock.now)["user"]["sub"] == user.id
    assert user_session.ended_at is None


def test_a_user_who_is_no_longer_active_loses_the_session(uow, policy, clock, signed_in):
    user, user_session = signed_in
    user.status = "invited"
    with pytest.raises(SessionEnded):
        read_session(uow, policy, user_session.id, clock.now)
    assert user_session.end_reason == "access_withdrawn"


def test_an_unknown_session_has_ended(uow, policy, clock):
    with pytest.raises(SessionEnded):
        read_session(uow, policy, "no-such-session", clock.now)
