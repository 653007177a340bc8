"""The rules themselves: passwords, one-time codes, lock-out arithmetic, claims, sessions."""
from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from identity.domain import totp
from identity.domain.access import PERMISSIONS, claims_for
from identity.domain.passwords import Passwords
from identity.domain.sessions import UserSession


def test_password_check_accepts_only_the_right_password(passwords):
    stored = passwords.hash("Correct-Horse-42")
    assert stored.startswith("$argon2id$")
    assert passwords.verify(stored, "Correct-Horse-42")
    assert not passwords.verify(stored, "correct-horse-42")
    assert not passwords.verify(None, "Correct-Horse-42")
    assert not passwords.verify("not a hash", "Correct-Horse-42")


def test_a_hash_made_with_weaker_settings_needs_rehashing(passwords):
    assert Passwords(PasswordHasher()).needs_rehash(passwords.hash("x"))
    assert not passwords.needs_rehash(passwords.hash("x"))


def test_a_code_matches_its_own_step_and_one_step_either_side(clock):
    secret = totp.new_secret()
    step = int(clock.now.timestamp()) // 30
    assert totp.matching_step(secret, totp.code_at(secret, clock.now), clock.now) == step
    earlier = totp.code_at(secret, clock.now - timedelta(seconds=30))
    assert totp.matching_step(secret, earlier, clock.now) == step - 1
    later = totp.code_at(secret, clock.now + timedelta(seconds=30))
    assert totp.matching_step(secret, later, clock.now) == step + 1
    too_old = totp.code_at(secret, clock.now - timedelta(seconds=90))
    assert totp.matching_step(secret, too_old, clock.now) is None


def test_spaces_inside_a_code_are_forgiven(clock):
    secret = totp.new_secret()
    code = totp.code_at(secret, clock.now)
    assert totp.matching_step(secret, f" {code[:3]} {code[3:]} ", clock.now) is not None


@pytest.mark.parametrize("typed", ["abcdef", "", "1234567", "12345"])
def test_a_code_that_is_not_six_digits_matches_nothing(clock, typed):
    assert totp.matching_step(totp.new_secret(), typed, clock.now) is None


def test_provisioning_uri_names_the_issuer_and_the_account():
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXP", "teacher@demo-centre.example")
    assert uri == ("otpauth://totp/IAMIS:teacher@demo-centre.example"
                   "?secret=JBSWY3DPEHPK3PXP&issuer=IAMIS")


def test_five_failures_lock_and_the_lock_runs_out(make_user, policy, clock):
    user = make_user()
    for _ in range(4):
        user.register_failure(clock.now, policy)
    assert not user.is_locked(clock.now)
    user.register_failure(clock.now, policy)
    assert user.locked_until == clock.now + timedelta(minutes=15)
    assert user.is_locked(clock.advance(minutes=14, seconds=59))
    assert not user.is_locked(clock.advance(seconds=1))
    user.register_failure(clock.now, policy)  # a fresh count after the lock ran out
    assert (user.failed_attempts, user.locked_until) == (1, None)


def test_a_time_step_is_accepted_once(make_user):
    user = make_user()
    assert user.accept_time_step(1000)
    assert not user.accept_time_step(1000)
    assert not user.accept_time_step(999)
    assert user.accept_time_step(1001)


@pytest.mark.parametrize("account_type, granted, centre, permissions, centres", [
    ("exams_officer", (), 68101, list(PERMISSIONS), ["68101"]),
    ("admin", (), 68101, list(PERMISSIONS), ["68101"]),
    ("user", ("view_scripts", "iamis"), 68101, ["iamis", "view_scripts"], ["68101"]),
    ("user", (), 1234, [], ["01234"]),
    ("moderator", ("iamis",), None, ["iamis"], []),
    ("board_staff", ("iamis",), None, ["iamis"], []),
])
def test_claims_for_each_account_type(make_user, account_type, granted, centre, permissions, centres):
    user = make_user(account_type=account_type, permissions=granted, centre_number=centre, language="cy")
    assert claims_for(user) == {"sub": user.id, "name": "Tomos Jones", "email": "teacher@demo-centre.example",
                                "account_type": account_type, "centres": centres,
                                "permissions": permissions, "language": "cy"}


def test_a_session_ends_when_idle_or_too_old(policy, clock):
    started = clock.now
    user_session = UserSession(user_id="u", created_at=started, last_seen_at=started)
    assert user_session.expires_at(policy) == started + timedelta(minutes=30)
    assert not user_session.is_active(clock.advance(minutes=30), policy)
    busy = UserSession(user_id="u", created_at=started, last_seen_at=started + timedelta(hours=11, minutes=50))
    assert busy.expires_at(policy) == started + timedelta(hours=12)
