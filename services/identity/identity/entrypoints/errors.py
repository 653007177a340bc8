"""Domain errors of the identity service mapped to HTTP: the one table for this service."""
from ..domain.errors import AccountLocked, CentreMissing, ChallengeExpired, SessionEnded, SignInFailed

ERRORS: dict = {
    SignInFailed: (401, "SIGN_IN_FAILED"),
    ChallengeExpired: (401, "CHALLENGE_EXPIRED"),
    AccountLocked: (423, "ACCOUNT_LOCKED"),
    SessionEnded: (404, "SESSION_ENDED"),
    CentreMissing: (403, "CENTRE_MISSING"),
}
