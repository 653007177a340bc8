"""Who may see and change a centre's evidence: the same centre rule as its marks, plus its moderator.

Uploading, deleting and the note are for the centre's Examinations Officer and Admins and its users with
the IAMIS permission. Board staff, and the moderator allocated to the centre, list and download only.
Anyone else finds another centre's unit, upload or file exactly as they would find a missing one.
"""
from iamis_shared.actor import BOARD_STAFF, MODERATOR, Actor

from .errors import PermissionMissing, ReadOnly, UnitNotFound

__all__ = ["Actor", "BOARD_STAFF", "MODERATOR", "check_read", "check_write", "may_write"]


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
    if not actor.may_use_centre_data:
        raise PermissionMissing()
    if centre not in actor.centres:
        raise missing()
