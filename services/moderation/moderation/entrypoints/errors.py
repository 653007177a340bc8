"""Domain errors of the moderation service mapped to HTTP: {DomainError: (status, "CODE")}."""
from ..domain.errors import (AlreadyAllocated, BadCentreNumber, BadModeratorEmail, BoardStaffOnly,
                             ModeratorNameRequired, NotAllowedToList)

ERRORS: dict = {
    BoardStaffOnly: (403, "BOARD_STAFF_ONLY"),
    NotAllowedToList: (403, "FORBIDDEN"),
    BadCentreNumber: (422, "CENTRE_NUMBER_INVALID"),
    BadModeratorEmail: (422, "MODERATOR_EMAIL_INVALID"),
    ModeratorNameRequired: (422, "MODERATOR_NAME_REQUIRED"),
    AlreadyAllocated: (409, "ALREADY_ALLOCATED"),
}
