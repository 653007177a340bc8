"""The moderation domain: moderator allocations, reviews, clerical errors, further samples, moderator reports.

Plain classes only (no Flask, no SQLAlchemy); they arrive with the features that need them. An
allocation names the moderator of a centre: they moderate all its units.
"""
import re
from dataclasses import dataclass
from datetime import datetime

from .errors import BadCentreNumber, BadModeratorEmail, ModeratorNameRequired

CENTRE_NUMBER = re.compile(r"^[0-9]{5}$")
# One @, something either side, a dot in the domain: enough to catch a typing slip, not to prove delivery.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NAME_MAX, EMAIL_MAX = 200, 254
# Control characters: no one types them into a name or an address, and PostgreSQL refuses NUL.
UNSTORABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class Allocation:
    id: str
    centre: str
    moderator_email: str
    moderator_name: str
    allocated_at: datetime
    allocated_by: str  # the board staff member's user id

    @classmethod
    def new(cls, allocation_id: str, centre: str, moderator_email: str, moderator_name: str,
            allocated_by: str, at: datetime) -> "Allocation":
        """A checked allocation: centre as 5 digits, the email in lower case, the name without outer spaces."""
        centre = (centre or "").strip()
        email = (moderator_email or "").strip().lower()
        name = " ".join((moderator_name or "").split())
        if not CENTRE_NUMBER.match(centre):
            raise BadCentreNumber()
        if len(email) > EMAIL_MAX or not EMAIL.match(email) or UNSTORABLE.search(email):
            raise BadModeratorEmail()
        if not name or len(name) > NAME_MAX or UNSTORABLE.search(name):
            raise ModeratorNameRequired()
        return cls(allocation_id, centre, email, name, at, allocated_by)

    def allocated(self) -> "ModeratorAllocated":
        return ModeratorAllocated(self.id, self.centre, self.moderator_email, self.moderator_name,
                                  self.allocated_at)


@dataclass(frozen=True)
class ModeratorAllocated:
    """A moderator was allocated to a centre (all its units)."""
    allocation_id: str
    centre: str
    moderator_email: str
    moderator_name: str
    allocated_at: datetime
