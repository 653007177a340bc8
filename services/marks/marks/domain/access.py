"""Who may read and change a centre's marks: the contract's access rules, in this one place.

A centre's data is for its own Examinations Officer and Admins, and its users with the IAMIS
permission; board staff read every centre and change nothing; moderators come in later. Another
centre looks exactly like one that does not exist.
"""
from iamis_shared.actor import FULL_ACCESS, MODERATOR, Actor

from .errors import AuditNotAllowed, CentreNotFound, NotForModerators, PermissionMissing, ReadOnly

__all__ = ["Actor", "check_audit_reader", "check_read", "check_write"]


def check_read(actor: Actor, centre: str, missing: type[Exception] = CentreNotFound) -> None:
    """`missing` is what a centre that is not the actor's answers: for a unit, UnitNotFound."""
    if actor.is_board_staff:
        return
    _check_centre_member(actor, centre, missing)


def check_write(actor: Actor, centre: str, missing: type[Exception] = CentreNotFound) -> None:
    if actor.is_board_staff:
        raise ReadOnly()
    _check_centre_member(actor, centre, missing)


def check_audit_reader(actor: Actor, centre: str) -> None:
    if actor.is_board_staff:
        return
    _check_centre_member(actor, centre, CentreNotFound)
    if actor.account_type not in FULL_ACCESS:
        raise AuditNotAllowed()


def _check_centre_member(actor: Actor, centre: str, missing: type[Exception]) -> None:
    if actor.account_type == MODERATOR:
        raise NotForModerators()
    if not actor.may_use_centre_data:
        raise PermissionMissing()
    if centre not in actor.centres:
        raise missing()
