"""What can go wrong when someone signs in, uses a session or manages a centre's users; each maps to one
HTTP answer."""
from datetime import datetime

from iamis_shared.errors import DomainError


class SignInFailed(DomainError):
    """The email address, password or security code is not right. Check them and try again."""


class ChallengeExpired(DomainError):
    """Your sign-in took too long or was already used. Start again with your email address and password."""


class AccountLocked(DomainError):
    def __init__(self, locked_until: datetime):
        super().__init__(
            "Your account is locked after too many unsuccessful attempts. "
            f"Try again after {locked_until:%H:%M} UTC on {locked_until:%d %B %Y}.",
            locked_until=locked_until.isoformat())
        self.locked_until = locked_until


class SessionEnded(DomainError):
    """Your session has ended. Sign in again."""


class CentreMissing(DomainError):
    """Your account is not linked to a centre, so there is nothing to show."""


class CentreNotFound(DomainError):
    """There is no such centre among yours. Check the centre number."""


class UserNotFound(DomainError):
    """There is no such user in this centre. They may have been removed already."""


class EmailInUse(DomainError):
    """A user with this email address already exists. Check the address, or manage the existing user."""


class AccountTypeNotAllowed(DomainError):
    """Choose Admin or User as the account type."""


class OwnAdminRights(DomainError):
    """You cannot remove your own admin rights. Ask another Exams Officer or Admin of your centre."""


class CannotRemoveSelf(DomainError):
    """You cannot remove your own account. Ask another Exams Officer or Admin of your centre."""


class LastExamsOfficer(DomainError):
    def __init__(self):
        super().__init__("This is the centre's only Exams Officer account, so it cannot be removed or made "
                         "another account type. Make another user the Exams Officer first.")


class AlreadyActive(DomainError):
    """This user has already set up their account, so there is no invite to send again."""


class InvitationNotFound(DomainError):
    """This invitation link is not valid. Check you copied the whole link from the email."""


class InvitationExpired(DomainError):
    """This invitation link has expired. Ask your Examinations Officer to send you a new invite."""


class InvitationUsed(DomainError):
    """This invitation link has already been used. Sign in with your email address and password."""


class PasswordRejected(DomainError):
    def __init__(self, reason: str, message: str):
        super().__init__(message, reason=reason)
        self.reason = reason
