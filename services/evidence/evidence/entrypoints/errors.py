"""Domain errors of the evidence service mapped to HTTP: the one table for this service. The gateway
translates by these codes, so they stay as the contract names them."""
from flask import Blueprint, Flask, request

from iamis_shared.errors import error_response

from ..domain import errors as e

ERRORS: dict = {
    e.UnitNotFound: (404, "UNIT_NOT_FOUND"),
    e.UploadNotFound: (404, "UPLOAD_NOT_FOUND"),
    e.FileNotFound: (404, "FILE_NOT_FOUND"),
    e.NotSubmitted: (409, "NOT_SUBMITTED"),
    e.NotAnUploadUnit: (409, "NOT_AN_UPLOAD_UNIT"),
    e.NotInSample: (409, "NOT_IN_SAMPLE"),
    e.NotGroupUpload: (409, "NOT_GROUP_UPLOAD"),
    e.WorkMissing: (409, "WORK_MISSING"),
    e.DeadlinePassed: (409, "DEADLINE_PASSED"),
    e.FileTooLarge: (422, "FILE_TOO_LARGE"),
    e.FilenameRequired: (422, "FILENAME_REQUIRED"),
    e.BadPartNumber: (422, "BAD_PART_NUMBER"),
    e.ChecksumMismatch: (422, "CHECKSUM_MISMATCH"),
    e.SizeMismatch: (422, "SIZE_MISMATCH"),
    e.PartsMissing: (422, "PARTS_MISSING"),
    e.NoteTooLong: (422, "NOTE_TOO_LONG"),
    e.ValidationFailed: (422, "VALIDATION_FAILED"),
    e.PermissionMissing: (403, "PERMISSION_MISSING"),
    e.ReadOnly: (403, "READ_ONLY"),
    e.StorageUnavailable: (503, "STORAGE_UNAVAILABLE"),
}


def answer_malformed_bodies(blueprint: Blueprint) -> None:
    """A body the schema refuses (or that is not JSON) is VALIDATION_FAILED, as the contract names it."""
    def malformed(error):
        messages = (getattr(error, "data", None) or {}).get("messages")
        return error_response(422, "VALIDATION_FAILED", "Some of the values sent are not valid.", errors=messages)

    blueprint.register_error_handler(400, malformed)
    blueprint.register_error_handler(422, malformed)


# A path under these that matches no route names no such thing (an id that is not a UUID, a unit id too large
# to be one): answered in the contract's words rather than a bare 404.
NOT_FOUND_UNDER = {"/api/evidence/v1/uploads/": e.UploadNotFound, "/api/evidence/v1/files/": e.FileNotFound,
                   "/api/evidence/v1/centres/": e.UnitNotFound}


def answer_unknown_paths(app: Flask) -> None:
    def not_found(error):
        for prefix, missing in NOT_FOUND_UNDER.items():
            if request.path.startswith(prefix):
                status, code = ERRORS[missing]
                return error_response(status, code, missing().message)
        return error_response(404, "NOT_FOUND", error.description)

    app.register_error_handler(404, not_found)
