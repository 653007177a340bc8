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


class NotAllowedToRequest(DomainError):
    """Only the moderator allocated to the centre, or board staff, can request further samples."""


class UnitNotFound(DomainError):
    # A moderator finds another centre's unit exactly as they would find a missing one.
    """There is no such unit at a centre allocated to you."""


class NotSubmitted(DomainError):
    """The centre has not submitted the marks for this unit yet, so further samples cannot be requested."""


class SampleNotChosen(DomainError):
    """The sample for this unit has not been chosen yet. Try again in a few minutes."""


class NoCandidates(DomainError):
    """Choose at least one candidate to request as a further sample."""


class TooManyCandidates(DomainError):
    """Request at most 50 candidates at a time."""


class CandidateNumberInvalid(DomainError):
    """Candidate numbers are up to 4 digits, like 0054."""


class RequestedMeanwhile(DomainError):
    """One of the candidates chosen was requested by someone else meanwhile. Nothing was requested: choose again."""


class CandidateRefused(DomainError):
    """A refusal about one candidate: the message names them, and `details` carries the number."""

    def __init__(self, candidate_number: str):
        super().__init__(self.__doc__.format(candidate=candidate_number), candidate_number=candidate_number)


class UnknownCandidate(CandidateRefused):
    """Candidate {candidate} is not on the submitted marksheet for this unit. Check the candidate number."""


class NoWork(CandidateRefused):
    """Candidate {candidate} has no work to see: they were absent or their mark is carried forward."""


class AlreadyInSample(CandidateRefused):
    """Candidate {candidate} is already in the sample."""
