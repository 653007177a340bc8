"""What can go wrong with a marksheet, its entries or its units; each maps to one HTTP answer."""
from iamis_shared.errors import DomainError

SUBMITTED_MESSAGE = (
    "ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED TO WJEC THE MARKS & OUTCOMES AWARDED TO CANDIDATES CANNOT BE "
    "ALTERED ONLINE, A REQUEST CAN BE MADE BY COMPLETING THE MARK/GRADE AMENDMENT FORM AVAILABLE ON THE "
    "IAMIS SCREEN.")


class CentreNotFound(DomainError):
    """There is no such centre in your account."""


class UnitNotFound(DomainError):
    """This subject/paper is not available to your centre."""


class CandidateNotFound(DomainError):
    """This candidate is not entered for this subject/paper at your centre."""


class SeriesNotFound(DomainError):
    """There is no such series."""


class PermissionMissing(DomainError):
    """Your account does not have the IAMIS permission. Ask your Examinations Officer to give it to you."""


class ReadOnly(DomainError):
    """Board staff can view marks and outcomes but cannot change them."""


class NotForModerators(DomainError):
    """Moderators cannot use the centre marksheets."""


class AuditNotAllowed(DomainError):
    """Only your centre's Examinations Officer or an Admin can view the audit log."""


class FieldUnknown(DomainError):
    """This marksheet has no such column."""


class MarkAboveMaximum(DomainError):
    """The mark is above the maximum."""


class MarkInvalid(DomainError):
    """The mark is not valid."""


class CarryForwardNotAllowed(DomainError):
    """You cannot carry forward a mark for this unit."""


class InitialsInvalid(DomainError):
    """Enter the teacher's initials: up to 4 letters."""


class OutcomeInvalid(DomainError):
    """Choose one of the outcomes in the list."""


class ValueChanged(DomainError):
    """Someone else changed this value since you opened the marksheet."""


class MarksheetLocked(DomainError):
    def __init__(self):
        super().__init__(SUBMITTED_MESSAGE)


class MarksheetIncomplete(DomainError):
    """Some candidates still need a mark or outcome, or teacher initials."""


class ImportRefused(DomainError):
    """The file was not imported. No marks were changed."""


class EntriesRefused(DomainError):
    """The entries were not loaded. Nothing was added."""


class UnitInvalid(DomainError):
    """The unit is not valid."""


class SeriesExists(DomainError):
    """A series with this name already exists."""


class UnitExists(DomainError):
    """A unit with this code already exists in this series."""
