"""Who may allocate moderators, see the allocations, and request further samples.

Board staff allocate and see every allocation; a moderator sees only their own (by the email their
token carries); centre accounts see none, since allocations are the board's business. Further samples are
requested by the moderator allocated to the centre, or by board staff for any centre.
"""
from iamis_shared.actor import MODERATOR, Actor

from .errors import BoardStaffOnly, NotAllowedToList, NotAllowedToRequest, UnitNotFound

__all__ = ["Actor", "check_allocator", "check_requester", "moderator_seen_by"]


def check_allocator(actor: Actor) -> None:
    if not actor.is_board_staff:
        raise BoardStaffOnly()


def moderator_seen_by(actor: Actor) -> str | None:
    """Whose allocations the actor may list: None for every moderator's (board staff), else their own email."""
    if actor.is_board_staff:
        return None
    if actor.account_type == MODERATOR and actor.email:
        return actor.moderator_email
    raise NotAllowedToList()


def check_requester(actor: Actor, allocated: bool) -> None:
    """`allocated`: whether the actor is a moderator allocated to the centre. Another centre's unit looks to a
    moderator exactly like a missing one."""
    if actor.is_board_staff:
        return
    if actor.account_type == MODERATOR:
        if not allocated:
            raise UnitNotFound()
        return
    raise NotAllowedToRequest()
