"""The signed-in person as a service's domain sees them, and the centre rule every service applies alike.

Plain (no Flask): each service's domain/access.py raises its own errors around these answers.
"""
from dataclasses import dataclass

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

    @classmethod
    def from_principal(cls, principal) -> "Actor":
        """The caller a verified token names (iamis_shared.tokens.Principal)."""
        return cls(user_id=principal.sub, name=principal.name, email=principal.email,
                   account_type=principal.account_type, centres=tuple(principal.centres),
                   permissions=tuple(principal.permissions))

    @property
    def is_board_staff(self) -> bool:
        return self.account_type == BOARD_STAFF

    @property
    def moderator_email(self) -> str:
        """The email allocations are kept under: lower case, as the board typed it or not."""
        return self.email.strip().lower()

    @property
    def may_use_centre_data(self) -> bool:
        """A centre's Examinations Officer and Admins, and its users with the IAMIS permission."""
        if self.account_type not in CENTRE_ACCOUNTS:
            return False
        return self.account_type in FULL_ACCESS or IAMIS in self.permissions
