"""Who may allocate moderators and who may see the allocations.

Board staff allocate and see every allocation; a moderator sees only their own (by the email their
token carries); centre accounts see none, since allocations are the board's business.
"""
from dataclasses import dataclass

from .errors import BoardStaffOnly, NotAllowedToList

BOARD_STAFF, MODERATOR = "board_staff", "moderator"


@dataclass(frozen=True)
class Actor:
    """The signed-in person as their token names them."""
    user_id: str
    name: str = ""
    email: str = ""
    account_type: str = ""

    @property
    def is_board_staff(self) -> bool:
        return self.account_type == BOARD_STAFF


def check_allocator(actor: Actor) -> None:
    if not actor.is_board_staff:
        raise BoardStaffOnly()


def moderator_seen_by(actor: Actor) -> str | None:
    """Whose allocations the actor may list: None for every moderator's (board staff), else their own email."""
    if actor.is_board_staff:
        return None
    if actor.account_type == MODERATOR and actor.email:
        return actor.email.strip().lower()
    raise NotAllowedToList()
