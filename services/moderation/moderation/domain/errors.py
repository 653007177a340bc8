"""What the moderation domain refuses; each docstring is the message a person sees."""
from iamis_shared.errors import DomainError


class BoardStaffOnly(DomainError):
    """Only board staff can allocate moderators."""


class NotAllowedToList(DomainError):
    """Only board staff and moderators can see moderator allocations."""


class BadCentreNumber(DomainError):
    """Enter a centre number of 5 digits, like 68101."""


class BadModeratorEmail(DomainError):
    """Enter the moderator's email address, like name@example.com."""


class ModeratorNameRequired(DomainError):
    """Enter the moderator's name, up to 200 characters."""


class AlreadyAllocated(DomainError):
    """This moderator is already allocated to this centre."""
