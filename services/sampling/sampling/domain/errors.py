"""What the sampling domain refuses; each docstring is the message a person sees."""
from iamis_shared.errors import DomainError

NO_SAMPLE = "There is no sample for this unit yet: it is chosen when the marksheet is submitted."


class SampleNotFound(DomainError):
    __doc__ = NO_SAMPLE


class NotYourCentre(DomainError):
    # Another centre's sample looks exactly like one that does not exist.
    __doc__ = NO_SAMPLE


class CandidateNotSubmitted(DomainError):
    """This candidate is not on the submitted marksheet for this unit. Check the candidate number."""


class CandidateHasNoWork(DomainError):
    """Only candidates with a mark can be added to the sample: this candidate is absent or carried forward."""


class AlreadyInSample(DomainError):
    """This candidate is already in the sample."""


class NotInSample(DomainError):
    """This candidate is not in the sample."""


class SystemChoice(DomainError):
    """You cannot remove candidates chosen by the system"""


class ModeratorChoice(DomainError):
    """You cannot remove candidates requested by the moderator"""


class NotAllowed(DomainError):
    """Your account does not have the IAMIS permission. Ask your Examinations Officer to give it to you."""


class ReadOnly(DomainError):
    """Board staff can see samples but not change them."""


class AddedByCentre(DomainError):
    """You added this candidate to the sample: take them out instead of choosing a substitute."""


class IsSubstitute(DomainError):
    """This candidate is a substitute already. Undo that substitution to choose another candidate."""


class AlreadySubstituted(DomainError):
    """A substitute has already been chosen for this candidate. Undo it first to choose another."""


class NoSubstitute(DomainError):
    """No substitute has been chosen for this candidate."""


class NotOffered(DomainError):
    """Choose one of the candidates offered: the nearest higher or lower candidate with complete work."""


class NoteMissing(DomainError):
    """Enter a note to the moderator explaining why the work is missing or incomplete."""


class NoteTooLong(DomainError):
    """The note to the moderator must be 1000 characters or fewer."""


class NoteUnreadable(DomainError):
    """The note to the moderator holds characters that cannot be kept. Type the note again."""


class BoardStaffOnly(DomainError):
    """Only board staff can set a unit's sampling policy."""


class PolicyInvalid(DomainError):
    """This sampling policy is not valid."""
