"""Who may allocate moderators and who may see the allocations.

Board staff allocate and see every allocation; a moderator sees only their own (by the email their
token carries); centre accounts see none, since allocations are the board's business.
"""
from iamis_shared.actor import MODERATOR, Actor

from .errors import BoardStaffOnly, NotAllowedToList

__all__ = ["Actor", "check_allocator", "moderator_seen_by"]


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
