"""Domain errors of the sampling service mapped to HTTP: {DomainError: (status, "CODE")}."""
from ..domain.errors import (AddedByCentre, AlreadyInSample, AlreadySubstituted, BoardStaffOnly, CandidateHasNoWork,
                             CandidateNotSubmitted, IsSubstitute, NoSubstitute, NotAllowed, NoteMissing, NoteTooLong,
                             NoteUnreadable, NotInSample, NotOffered, NotYourCentre, PolicyInvalid, ReadOnly,
                             SampleNotFound, SystemChoice, ModeratorChoice)

ERRORS: dict = {
    SampleNotFound: (404, "SAMPLE_NOT_FOUND"),
    NotYourCentre: (404, "SAMPLE_NOT_FOUND"),
    CandidateNotSubmitted: (404, "CANDIDATE_NOT_FOUND"),
    NotInSample: (404, "NOT_IN_SAMPLE"),
    NoSubstitute: (404, "NO_SUBSTITUTE"),
    AlreadyInSample: (409, "ALREADY_IN_SAMPLE"),
    SystemChoice: (409, "SYSTEM_CHOICE"),
    ModeratorChoice: (409, "MODERATOR_CHOICE"),
    AddedByCentre: (409, "ADDED_BY_CENTRE"),
    IsSubstitute: (409, "IS_SUBSTITUTE"),
    AlreadySubstituted: (409, "ALREADY_SUBSTITUTED"),
    CandidateHasNoWork: (422, "NO_WORK_TO_SAMPLE"),
    NotOffered: (422, "SUBSTITUTE_NOT_OFFERED"),
    NoteMissing: (422, "NOTE_MISSING"),
    NoteTooLong: (422, "NOTE_TOO_LONG"),
    NoteUnreadable: (422, "NOTE_UNREADABLE"),
    PolicyInvalid: (422, "POLICY_INVALID"),
    NotAllowed: (403, "PERMISSION_MISSING"),
    ReadOnly: (403, "READ_ONLY"),
    BoardStaffOnly: (403, "BOARD_STAFF_ONLY"),
}
