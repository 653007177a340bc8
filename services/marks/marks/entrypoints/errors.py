"""Domain errors of the marks service mapped to HTTP: the one table for this service."""
from ..domain import errors as e

ERRORS: dict = {
    e.CentreNotFound: (404, "CENTRE_NOT_FOUND"),
    e.UnitNotFound: (404, "UNIT_NOT_FOUND"),
    e.CandidateNotFound: (404, "CANDIDATE_NOT_FOUND"),
    e.SeriesNotFound: (404, "SERIES_NOT_FOUND"),
    e.PermissionMissing: (403, "IAMIS_PERMISSION_MISSING"),
    e.ReadOnly: (403, "READ_ONLY"),
    e.NotForModerators: (403, "FORBIDDEN"),
    e.AuditNotAllowed: (403, "FORBIDDEN"),
    e.FieldUnknown: (422, "FIELD_UNKNOWN"),
    e.MarkAboveMaximum: (422, "MARK_ABOVE_MAXIMUM"),
    e.MarkInvalid: (422, "MARK_INVALID"),
    e.CarryForwardNotAllowed: (422, "CARRY_FORWARD_NOT_ALLOWED"),
    e.InitialsInvalid: (422, "INITIALS_INVALID"),
    e.OutcomeInvalid: (422, "OUTCOME_INVALID"),
    e.ValueChanged: (409, "VALUE_CHANGED"),
    e.MarksheetLocked: (423, "MARKSHEET_SUBMITTED"),
    e.MarksheetIncomplete: (422, "MARKSHEET_INCOMPLETE"),
    e.ImportRefused: (422, "IMPORT_REFUSED"),
    e.EntriesRefused: (422, "ENTRIES_REFUSED"),
    e.UnitInvalid: (422, "UNIT_INVALID"),
    e.SeriesExists: (409, "SERIES_EXISTS"),
    e.UnitExists: (409, "UNIT_EXISTS"),
}
