"""HTTP API of the evidence service for a centre's unit: its evidence, starting uploads, files, the note,
and the moderator's list (besides /healthz, /metrics, whoami and the OpenAPI document)."""
import re

from flask import redirect
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..domain.errors import UnitNotFound
from ..service_layer import files, uploads
from .caller import actor, now, origin, store, uow
from .errors import answer_malformed_bodies
from .schemas import (AllocatedSchema, NewUploadSchema, NoteSchema, NoteTextSchema, UnitEvidenceSchema,
                      UploadStartedSchema)
from .views import allocated_view, evidence_view, note_view

blueprint = Blueprint("evidence", __name__, url_prefix="/api/evidence/v1",
                      description="IAMIS evidence: evidence files (bytes in S3-compatible storage), upload sessions, "
                                  "notes to the moderator")
answer_malformed_bodies(blueprint)


@blueprint.url_value_preprocessor
def known_centre_shape(_endpoint, values):
    """A centre number is at most five letters or digits; anything else names no centre."""
    if values and "centre" in values and not CENTRE.match(values["centre"]):
        raise UnitNotFound()


UNIT = "/centres/<centre>/units/<int(max=2147483647):unit_id>"  # a larger id is no unit: UNIT_NOT_FOUND
CENTRE = re.compile(r"^[A-Za-z0-9]{1,5}$")
REFUSED = "NOT_SUBMITTED, NOT_AN_UPLOAD_UNIT, NOT_IN_SAMPLE, WORK_MISSING, NOT_GROUP_UPLOAD"


@blueprint.route(f"{UNIT}/evidence")
@requires_token()
@blueprint.response(200, UnitEvidenceSchema)
@blueprint.alt_response(404, description="UNIT_NOT_FOUND: not submitted yet, or another centre's")
def unit_evidence(centre, unit_id):
    """The unit, its sample, the note to the moderator, the files, unfinished uploads (to resume), and
    whether the caller may upload and delete."""
    return evidence_view(files.unit_evidence(uow(), actor(), centre, unit_id, now()))


@blueprint.route(f"{UNIT}/uploads", methods=["POST"])
@requires_token()
@blueprint.arguments(NewUploadSchema)
@blueprint.response(201, UploadStartedSchema)
@blueprint.alt_response(409, description=REFUSED)
@blueprint.alt_response(422, description="FILE_TOO_LARGE, FILENAME_REQUIRED, VALIDATION_FAILED")
def start_upload(body, centre, unit_id):
    """Start uploading a file for a sampled candidate (or, candidate_number null, the unit's group upload)."""
    number = body["candidate_number"]
    new = uploads.NewUpload(number.zfill(4) if number else None, body["filename"], body["size"],
                            body["content_type"], body["last_modified"])
    upload = uploads.start_upload(uow(), store(), actor(), centre, unit_id, new, now())
    return {"upload_id": upload.id, "key": upload.key, "part_size": upload.part_size,
            "parts_count": upload.parts_count}


@blueprint.route(f"{UNIT}/note", methods=["PUT"])
@requires_token()
@blueprint.arguments(NoteTextSchema)
@blueprint.response(200, NoteSchema)
@blueprint.alt_response(422, description="NOTE_TOO_LONG")
def save_note(body, centre, unit_id):
    """The centre's explanatory note to the moderator for this unit; an empty text clears it."""
    return note_view(files.save_note(uow(), actor(), centre, unit_id, body["text"], now()))


@blueprint.route("/files/<uuid:file_id>/download")
@requires_token()
@blueprint.doc(responses={"303": {"description": "Location: the file, presigned for 5 minutes, as an attachment"}})
def download(file_id):
    """Redirects to the file in object storage, served as an attachment under its original name."""
    response = redirect(files.download_url(uow(), store(), actor(), str(file_id), origin()), 303)
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.route("/files/<uuid:file_id>", methods=["DELETE"])
@requires_token()
@blueprint.response(204)
@blueprint.alt_response(409, description="DEADLINE_PASSED")
def delete_file(file_id):
    """Deletes the file (up to the unit's deadline); publishes evidence.file_deleted."""
    files.delete_file(uow(), store(), actor(), str(file_id), now())


@blueprint.route("/allocated")
@requires_token()
@blueprint.response(200, AllocatedSchema)
def allocated():
    """A moderator's allocated centres with their submitted upload units and file counts; every centre's
    for board staff."""
    return allocated_view(files.allocated_units(uow(), actor()))
