"""Domain errors of the sampling service mapped to HTTP: {DomainError: (status, "CODE")}."""
from ..domain.errors import (AlreadyInSample, CandidateHasNoWork, CandidateNotSubmitted, NotAllowed, NotInSample,
                             NotYourCentre, ReadOnly, SampleNotFound, SystemChoice)

ERRORS: dict = {
    SampleNotFound: (404, "SAMPLE_NOT_FOUND"),
    NotYourCentre: (404, "SAMPLE_NOT_FOUND"),
    CandidateNotSubmitted: (404, "CANDIDATE_NOT_FOUND"),
    NotInSample: (404, "NOT_IN_SAMPLE"),
    AlreadyInSample: (409, "ALREADY_IN_SAMPLE"),
    SystemChoice: (409, "SYSTEM_CHOICE"),
    CandidateHasNoWork: (422, "NO_WORK_TO_SAMPLE"),
    NotAllowed: (403, "PERMISSION_MISSING"),
    ReadOnly: (403, "READ_ONLY"),
}
