"""Who may see and change a centre's evidence: the same centre rule as its marks, plus its moderator.

Uploading, deleting and the note are for the centre's Examinations Officer and Admins and its users with
the IAMIS permission. Board staff, and the moderator allocated to the centre, list and download only.
Anyone else finds another centre's unit, upload or file exactly as they would find a missing one.
"""
from dataclasses import dataclass

from .errors import PermissionMissing, ReadOnly, UnitNotFound

FULL_ACCESS = ("exams_officer", "admin")
CENTRE_ACCOUNTS = (*FULL_ACCESS, "user")
BOARD_STAFF, MODERATOR = "board_staff", "moderator"
IAMIS = "iamis"


@dataclass(frozen=True)
class Actor:
    """The signed-in person as their token names them."""
    user_id: str
    name: str = ""
    email: str = ""
    account_type: str = ""
    centres: tuple[str, ...] = ()
    permissions: tuple[str, ...] = ()

    @property
    def moderator_email(self) -> str:
        return self.email.strip().lower()


def check_write(actor: Actor, centre: str, missing: type[Exception] = UnitNotFound) -> None:
    if actor.account_type in (BOARD_STAFF, MODERATOR):
        raise ReadOnly()
    _check_centre_member(actor, centre, missing)


def check_read(actor: Actor, centre: str, allocated: bool, missing: type[Exception] = UnitNotFound) -> None:
    """`allocated`: whether the actor is a moderator allocated to this centre."""
    if actor.account_type == BOARD_STAFF:
        return
    if actor.account_type == MODERATOR:
        if not allocated:
            raise missing()
        return
    _check_centre_member(actor, centre, missing)


def may_write(actor: Actor, centre: str) -> bool:
    try:
        check_write(actor, centre)
    except (ReadOnly, PermissionMissing, UnitNotFound):
        return False
    return True


def _check_centre_member(actor: Actor, centre: str, missing: type[Exception]) -> None:
    if actor.account_type not in CENTRE_ACCOUNTS:
        raise PermissionMissing()
    if actor.account_type not in FULL_ACCESS and IAMIS not in actor.permissions:
        raise PermissionMissing()
    if centre not in actor.centres:
        raise missing()
