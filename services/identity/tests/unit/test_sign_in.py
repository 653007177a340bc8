"""Signing in through the handlers, with in-memory repositories and a clock the test moves."""
from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from identity.domain import totp
from identity.domain.audit import Origin
from identity.domain.errors import AccountLocked, ChallengeExpired, SignInFailed
from identity.domain.passwords import Passwords
from identity.service_layer.sign_in import confirm_code, start_password_sign_in

PASSWORD = "Correct-Horse-42"
ORIGIN = Origin(ip="203.0.113.9", user_agent="Firefox")


@pytest.fixture
def sign_in(uow, passwords, policy, clock):
    def password_step(email="teacher@demo-centre.example", password=PASSWORD):
        return start_password_sign_in(uow, passwords, policy, email, password, ORIGIN, clock.now)

    def code_step(challenge, code):
        return confirm_code(uow, policy, challenge, code, ORIGIN, clock.now)
    return password_step, code_step


def test_unknown_email_and_wrong_password_fail_alike(make_user, sign_in, uow):
    make_user()
    password_step, _ = sign_in
    with pytest.raises(SignInFailed) as unknown:
        password_step(email="nobody@demo-centre.example")
    with pytest.raises(SignInFailed) as wrong:
        password_step(password="wrong")
    assert unknown.value.message == wrong.value.message
    assert uow.reasons() == ["unknown_email", "wrong_password"]


def test_five_wrong_passwords_lock_the_account_until_the_period_ends(make_user, sign_in, uow, clock):
    make_user()
    password_step, _ = sign_in
    for _ in range(4):
        with pytest.raises(SignInFailed):
            password_step(password="wrong")
    with pytest.raises(AccountLocked) as locked:
        password_step(password="wrong")
    assert locked.value.locked_until == clock.now + timedelta(minutes=15)
    clock.advance(minutes=14)
    with pytest.raises(AccountLocked):
        password_step()  # even the right password waits
    clock.advance(minutes=1)
    assert password_step()["outcome"] == "enrolment_required"
    assert uow.actions().count("account_locked") == 1
    assert uow.reasons()[-1] == "locked"


def test_wrong_codes_count_towards_the_lock(make_user, sign_in, policy):
    make_user(mfa_secret=totp.new_secret())
    password_step, code_step = sign_in
    challenge = password_step()["challenge"]
    for _ in range(policy.max_failures - 1):
        with pytest.raises(SignInFailed):
            code_step(challenge, "000000x")
    with pytest.raises(AccountLocked):
        code_step(challenge, "000000x")


def test_a_successful_sign_in_resets_the_failures(make_user, sign_in, clock):
    secret = totp.new_secret()
    user = make_user(mfa_secret=secret)
    password_step, code_step = sign_in
    for _ in range(3):
        with pytest.raises(SignInFailed):
            password_step(password="wrong")
    result = code_step(password_step()["challenge"], totp.code_at(secret, clock.now))
    assert result["user"]["sub"] == user.id
    assert (user.failed_attempts, user.last_signed_in_at) == (0, clock.now)


def test_a_code_cannot_be_used_twice(make_user, sign_in, uow, clock):
    secret = totp.new_secret()
    make_user(mfa_secret=secret)
    password_step, code_step = sign_in
    code = totp.code_at(secret, clock.now)
    code_step(password_step()["challenge"], code)
    clock.advance(seconds=20)
    with pytest.raises(SignInFailed):
        code_step(password_step()["challenge"], code)
    assert uow.reasons() == ["reused_code"]
    later = totp.code_at(secret, clock.advance(seconds=30))
    assert code_step(password_step()["challenge"], later)["session_id"]


def test_a_challenge_is_single_use_and_expires_after_five_minutes(make_user, sign_in, clock):
    secret = totp.new_secret()
    make_user(mfa_secret=secret)
    password_step, code_step = sign_in
    challenge = password_step()["challenge"]
    code_step(challenge, totp.code_at(secret, clock.now))
    with pytest.raises(ChallengeExpired):
        code_step(challenge, totp.code_at(secret, clock.advance(seconds=30)))
    stale = password_step()["challenge"]
    with pytest.raises(ChallengeExpired):
        code_step(stale, totp.code_at(secret, clock.advance(minutes=5)))
    with pytest.raises(ChallengeExpired):
        code_step("made-up", "123456")


def test_signing_in_upgrades_an_outdated_password_hash(make_user, uow, policy, clock):
    user = make_user()
    old_hash = user.password_hash
    stronger = Passwords(PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1))
    start_password_sign_in(uow, stronger, policy, user.email, PASSWORD, ORIGIN, clock.now)
    assert user.password_hash != old_hash and not stronger.needs_rehash(user.password_hash)
    assert stronger.verify(user.password_hash, PASSWORD)


def test_every_step_is_audited_with_where_it_came_from(make_user, sign_in, uow, clock):
    secret = totp.new_secret()
    make_user(mfa_secret=secret)
    password_step, code_step = sign_in
    code_step(password_step()["challenge"], totp.code_at(secret, clock.now))
    entry = uow.audit.entries[-1]
    assert (entry.action, entry.outcome, entry.centre, entry.ip, entry.user_agent) == \
        ("sign_in", "success", "68101", "203.0.113.9", "Firefox")


def test_a_challenge_outlived_by_an_mfa_reset_must_be_started_again(make_user, sign_in):
    user = make_user(mfa_secret=totp.new_secret())
    password_step, code_step = sign_in
    challenge = password_step()["challenge"]
    user.mfa_secret = None
    with pytest.raises(ChallengeExpired):
        code_step(challenge, "123456")
