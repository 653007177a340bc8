"""Enrolling in MFA on the first sign-in: the new secret is kept only once a code confirms it."""
import pytest

from identity.domain import totp
from identity.domain.audit import Origin
from identity.domain.errors import SignInFailed
from identity.domain.model import ACTIVE, INVITED
from identity.service_layer.sign_in import confirm_code, start_password_sign_in

ORIGIN = Origin(ip="203.0.113.9", user_agent="Firefox")


@pytest.fixture
def sign_in(uow, passwords, policy, clock):
    def password_step(email="teacher@demo-centre.example", password="Correct-Horse-42"):
        return start_password_sign_in(uow, passwords, policy, email, password, ORIGIN, clock.now)

    def code_step(challenge, code):
        return confirm_code(uow, policy, challenge, code, ORIGIN, clock.now)
    return password_step, code_step


def test_enrolment_activates_the_user_once_and_announces_it_once(make_user, sign_in, uow, clock):
    user = make_user(status=INVITED)
    password_step, code_step = sign_in
    started = password_step()
    assert started["outcome"] == "enrolment_required"
    assert started["provisioning_uri"].startswith("otpauth://totp/IAMIS:teacher@demo-centre.example?")
    assert user.mfa_secret is None  # nothing is kept on the user until a code confirms the secret
    code_step(started["challenge"], totp.code_at(started["secret"], clock.now))
    assert (user.status, user.mfa_secret, user.activated_at) == (ACTIVE, started["secret"], clock.now)
    assert [e.type for e in uow.published] == ["identity.user_activated"]
    assert uow.published[0].data == {"user_id": user.id, "name": "Tomos Jones",
                                     "email": "teacher@demo-centre.example", "account_type": "user",
                                     "centres": ["68101"], "activated_at": clock.now.isoformat()}
    user.mfa_secret = None  # MFA reset later by the centre: enrolling again is not a new activation
    again = password_step()
    code_step(again["challenge"], totp.code_at(again["secret"], clock.advance(minutes=1)))
    assert len(uow.published) == 1
    assert uow.actions().count("mfa_enrolled") == 2


def test_a_wrong_first_code_keeps_the_user_invited(make_user, sign_in, uow):
    user = make_user(status=INVITED)
    password_step, code_step = sign_in
    with pytest.raises(SignInFailed):
        code_step(password_step()["challenge"], "000000x")
    assert (user.status, user.mfa_secret, uow.published) == (INVITED, None, [])


def test_a_code_from_the_old_secret_does_not_confirm_a_new_one(make_user, sign_in, uow, clock):
    old_secret = totp.new_secret()
    user = make_user(mfa_secret=old_secret)
    user.mfa_secret = None  # reset: the next sign-in enrols a fresh secret
    password_step, code_step = sign_in
    started = password_step()
    with pytest.raises(SignInFailed):
        code_step(started["challenge"], totp.code_at(old_secret, clock.now))
    assert user.mfa_secret is None and uow.published == []
