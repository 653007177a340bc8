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


class NotAllowed(DomainError):
    """Your account does not have the IAMIS permission. Ask your Examinations Officer to give it to you."""


class ReadOnly(DomainError):
    """Board staff can see samples but not change them."""
