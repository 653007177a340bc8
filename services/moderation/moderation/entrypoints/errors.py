"""Domain errors of the moderation service mapped to HTTP: {DomainError: (status, "CODE")}. The gateway
translates by these codes, so they stay as they are."""
from ..domain import errors as e

ERRORS: dict = {
    e.BoardStaffOnly: (403, "BOARD_STAFF_ONLY"),
    e.NotAllowedToList: (403, "FORBIDDEN"),
    e.NotAllowedToRequest: (403, "NOT_ALLOCATED"),
    e.UnitNotFound: (404, "UNIT_NOT_FOUND"),
    e.BadCentreNumber: (422, "CENTRE_NUMBER_INVALID"),
    e.BadModeratorEmail: (422, "MODERATOR_EMAIL_INVALID"),
    e.ModeratorNameRequired: (422, "MODERATOR_NAME_REQUIRED"),
    e.AlreadyAllocated: (409, "ALREADY_ALLOCATED"),
    e.NotSubmitted: (409, "NOT_SUBMITTED"),
    e.SampleNotChosen: (409, "SAMPLE_NOT_CHOSEN"),
    e.AlreadyInSample: (409, "ALREADY_IN_SAMPLE"),
    e.NoCandidates: (422, "NO_CANDIDATES"),
    e.CandidateNumberInvalid: (422, "CANDIDATE_NUMBER_INVALID"),
    e.RequestedMeanwhile: (409, "ALREADY_IN_SAMPLE"),
    e.TooManyCandidates: (422, "TOO_MANY"),
    e.UnknownCandidate: (422, "UNKNOWN_CANDIDATE"),
    e.NoWork: (422, "NO_WORK"),
}
