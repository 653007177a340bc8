"""Who may see and change a centre's samples: the same rules as the centre's marks.

The centre's Examinations Officer and Admins, and its users with the IAMIS permission, see and add;
board staff see every centre's samples and change none. Another centre looks like no sample at all.
A unit's sampling policy is the board's: its staff set it, and anyone who may see samples may read it.
"""
from iamis_shared.actor import BOARD_STAFF, Actor

from .errors import BoardStaffOnly, NotAllowed, NotYourCentre, ReadOnly

def check_read(actor: Actor, centre: str) -> None:
    if actor.account_type != BOARD_STAFF:
        _check_centre_member(actor, centre)


def check_change(actor: Actor, centre: str) -> None:
    if actor.account_type == BOARD_STAFF:
        raise ReadOnly()
    _check_centre_member(actor, centre)


def _check_centre_member(actor: Actor, centre: str) -> None:
    if not actor.may_use_centre_data:
        raise NotAllowed()
    if centre not in actor.centres:
        raise NotYourCentre()


def check_policy_read(actor: Actor) -> None:
    if actor.account_type == BOARD_STAFF:
        return
    if not actor.may_use_centre_data:
        raise NotAllowed()
    if not actor.centres:
        raise NotYourCentre()


def check_policy_change(actor: Actor) -> None:
    if actor.account_type != BOARD_STAFF:
        raise BoardStaffOnly()
