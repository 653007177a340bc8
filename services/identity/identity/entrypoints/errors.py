"""Domain errors of the identity service mapped to HTTP: the one table for this service."""
from ..domain.errors import (AccountLocked, AccountTypeNotAllowed, AlreadyActive, CannotRemoveSelf, CentreMissing,
                             CentreNotFound, ChallengeExpired, EmailInUse, InvitationExpired, InvitationNotFound,
                             InvitationUsed, LastExamsOfficer, OwnAdminRights, PasswordRejected, SessionEnded,
                             SignInFailed, UserNotFound)

ERRORS: dict = {
    SignInFailed: (401, "SIGN_IN_FAILED"),
    ChallengeExpired: (401, "CHALLENGE_EXPIRED"),
    AccountLocked: (423, "ACCOUNT_LOCKED"),
    SessionEnded: (404, "SESSION_ENDED"),
    CentreMissing: (403, "CENTRE_MISSING"),
    # Another centre, or a user of another centre, is "not found", as if it did not exist.
    CentreNotFound: (404, "CENTRE_NOT_FOUND"),
    UserNotFound: (404, "USER_NOT_FOUND"),
    EmailInUse: (409, "EMAIL_IN_USE"),
    AccountTypeNotAllowed: (422, "ACCOUNT_TYPE_NOT_ALLOWED"),
    OwnAdminRights: (409, "OWN_ADMIN_RIGHTS"),
    CannotRemoveSelf: (409, "CANNOT_REMOVE_SELF"),
    LastExamsOfficer: (409, "LAST_EXAMS_OFFICER"),
    AlreadyActive: (409, "ALREADY_ACTIVE"),
    InvitationNotFound: (404, "INVITATION_NOT_FOUND"),
    InvitationExpired: (410, "INVITATION_EXPIRED"),
    InvitationUsed: (409, "INVITATION_USED"),
    PasswordRejected: (422, "PASSWORD_REJECTED"),
}
