"""Signing in: email and password first, then a one-time code (enrolling in MFA the first time).

Every failure, lock-out, enrolment and sign-in is audited in the transaction that records it.
A wrong password and a wrong or reused code give the same answer, so neither tells which was wrong.
"""
from datetime import datetime

from ..domain import audit, totp
from ..domain.access import claims_for
from ..domain.errors import AccountLocked, ChallengeExpired, SignInFailed
from ..domain.model import User
from ..domain.passwords import Passwords
from ..domain.policy import SignInPolicy
from ..domain.sessions import SignInChallenge, UserSession
from .audit import record
from .outgoing import envelope_for, user_activated


def start_password_sign_in(uow, passwords: Passwords, policy: SignInPolicy, email: str, password: str,
                           origin: audit.Origin, now: datetime) -> dict:
    with uow:
        user = uow.users.get_by_email(email)
        if user is None:
            passwords.spend_time(password)
            record(uow, now, origin, audit.SIGN_IN, audit.FAILURE, email=email.strip(),
                   reason=audit.UNKNOWN_EMAIL, stage="password")
            uow.commit()
            raise SignInFailed()
        _refuse_if_locked(uow, user, now, origin, "password")
        if not passwords.verify(user.password_hash, password):
            _refuse(uow, user, now, policy, origin, audit.WRONG_PASSWORD, "password")
        if passwords.needs_rehash(user.password_hash):
            uow.users.set_password_hash(user, passwords.hash(password))
        challenge = SignInChallenge(user_id=user.id, created_at=now, expires_at=policy.challenge_expires(now),
                                    pending_secret=None if user.has_mfa else totp.new_secret())
        uow.challenges.add(challenge)
        uow.commit()
        if user.has_mfa:
            return {"outcome": "code_required", "challenge": challenge.id}
        return {"outcome": "enrolment_required", "challenge": challenge.id,
                "secret": challenge.pending_secret,
                "provisioning_uri": totp.provisioning_uri(challenge.pending_secret, user.email)}


def confirm_code(uow, policy: SignInPolicy, challenge_id: str, code: str,
                 origin: audit.Origin, now: datetime) -> dict:
    with uow:
        challenge = uow.challenges.get(challenge_id)
        user = uow.users.get(challenge.user_id) if challenge is not None else None
        if user is None or user.is_removed or not challenge.is_usable(now):
            raise ChallengeExpired()
        secret = challenge.pending_secret or user.mfa_secret
        if secret is None:
            raise ChallengeExpired()  # MFA was reset after the password step: start again
        _refuse_if_locked(uow, user, now, origin, "code")
        enrolling = challenge.pending_secret is not None
        step = totp.matching_step(secret, code, now)
        if step is None:
            _refuse(uow, user, now, policy, origin, audit.WRONG_CODE, "code")
        if not uow.users.accept_time_step(user, step):
            _refuse(uow, user, now, policy, origin, audit.REUSED_CODE, "code")
        if not uow.challenges.consume(challenge, now):
            raise ChallengeExpired()  # another request used it first; roll this one back
        if not uow.users.record_success(user, now):
            raise AccountLocked(user.locked_until)
        if enrolling:
            _enrol(uow, user, challenge.pending_secret, origin, now)
        user_session = UserSession(user_id=user.id, created_at=now, last_seen_at=now)
        uow.sessions.add(user_session)
        record(uow, now, origin, audit.SIGN_IN, audit.SUCCESS, user=user)
        uow.commit()
        return {"session_id": user_session.id, "user": claims_for(user),
                "idle_timeout_seconds": int(policy.idle_timeout.total_seconds())}


def _enrol(uow, user: User, secret: str, origin: audit.Origin, now: datetime) -> None:
    uow.users.confirm_mfa(user, secret)
    first_activation = uow.users.activate(user, now)
    record(uow, now, origin, audit.MFA_ENROLLED, audit.SUCCESS, user=user, first_activation=first_activation)
    if first_activation:
        uow.publish(envelope_for(user_activated(user, now)))


def _refuse_if_locked(uow, user: User, now: datetime, origin: audit.Origin, stage: str) -> None:
    if user.is_locked(now):
        record(uow, now, origin, audit.SIGN_IN, audit.FAILURE, user=user, reason=audit.LOCKED, stage=stage)
        uow.commit()
        raise AccountLocked(user.locked_until)


def _refuse(uow, user: User, now: datetime, policy: SignInPolicy, origin: audit.Origin,
            reason: str, stage: str) -> None:
    """Count the failure (locking the account at the limit), audit it, commit, and refuse."""
    uow.users.record_failure(user, now, policy)
    record(uow, now, origin, audit.SIGN_IN, audit.FAILURE, user=user, reason=reason, stage=stage)
    if user.is_locked(now):
        if user.locked_until == policy.locked_until(now):  # this very failure set the lock
            record(uow, now, origin, audit.ACCOUNT_LOCKED, audit.FAILURE, user=user,
                   failed_attempts=user.failed_attempts, locked_until=user.locked_until.isoformat())
        uow.commit()
        raise AccountLocked(user.locked_until)
    uow.commit()
    raise SignInFailed()
