"""The rules for managing a centre's users: a centre always keeps an Exams Officer, and nobody takes away
their own admin rights (so nobody can lock themselves, or the centre, out by mistake)."""
from .access import CENTRE_MANAGER_ACCOUNT_TYPES, INVITABLE_ACCOUNT_TYPES, PERMISSIONS
from .errors import AccountTypeNotAllowed, CannotRemoveSelf, LastExamsOfficer, OwnAdminRights
from .model import User

EXAMS_OFFICER = "exams_officer"


def check_access_change(actor: User, target: User, account_type: str, exams_officers: int) -> None:
    """`exams_officers`: how many Exams Officer accounts the centre has now, the target included."""
    if account_type != target.account_type and account_type not in INVITABLE_ACCOUNT_TYPES:
        raise AccountTypeNotAllowed()
    if actor.id == target.id and account_type not in CENTRE_MANAGER_ACCOUNT_TYPES:
        raise OwnAdminRights()
    if target.account_type == EXAMS_OFFICER and account_type != EXAMS_OFFICER and exams_officers <= 1:
        raise LastExamsOfficer()


def check_removal(actor: User, target: User, exams_officers: int) -> None:
    if actor.id == target.id:
        raise CannotRemoveSelf()
    if target.account_type == EXAMS_OFFICER and exams_officers <= 1:
        raise LastExamsOfficer()


def granted_permissions(codes) -> list[str]:
    """The known permission codes among `codes`, in the guide's order, each once."""
    chosen = set(codes)
    return [code for code in PERMISSIONS if code in chosen]
