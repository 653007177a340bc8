"""HTTP API of the marks service for a centre's pages: units, marksheets, saves, import/export, submit."""
from flask import Response, jsonify
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..domain.csv_files import MAX_BYTES
from ..domain.marksheet_query import SheetQuery
from ..service_layer import handlers, submission, transfers
from ..service_layer.audit import list_centre_audit
from .caller import actor, now, uow
from .change_schemas import (AuditEntrySchema, AuditQuerySchema, FieldChangeSchema, ImportedSchema,
                             ImportFileSchema, SavedSchema, SubmittedSchema)
from .line_errors import FileRefusedSchema
from .schemas import CentreUnitsSchema, MarksheetQuerySchema, MarksheetSchema

blueprint = Blueprint("marks", __name__, url_prefix="/api/marks/v1",
                      description="IAMIS marks: a centre's units, marksheets, marks and outcomes, submissions")
UNIT = "/centres/<centre>/units/<int:unit_id>"
NOT_FOUND = "UNIT_NOT_FOUND or CANDIDATE_NOT_FOUND: another centre's looks the same as none"


@blueprint.route("/centres/<centre>/units")
@requires_token()
@blueprint.response(200, CentreUnitsSchema)
@blueprint.alt_response(404, description="CENTRE_NOT_FOUND: not the caller's centre")
def centre_units(centre):
    """The IAMIS page: units the centre has entries for, one box per series, with done/left counts."""
    return handlers.list_units(uow(), actor(), centre)


@blueprint.route(f"{UNIT}/marksheet")
@requires_token()
@blueprint.arguments(MarksheetQuerySchema(), location="query")
@blueprint.response(200, MarksheetSchema)
@blueprint.alt_response(404, description=NOT_FOUND)
def marksheet(query, centre, unit_id):
    """One page of the marksheet (candidate search, show, sort by, rows); the read is audited."""
    # The handler's dict already has the schema's shape; dumping 1,000 rows through marshmallow again
    # would take most of the time of a large read, so it goes out as it is (the schema documents it).
    return jsonify(handlers.read_marksheet(uow(), actor(), centre, unit_id, SheetQuery(**query), now()))


@blueprint.route(f"{UNIT}/candidates/<candidate_number>", methods=["PATCH"])
@requires_token()
@blueprint.arguments(FieldChangeSchema())  # one instance: a schema class would be built per request
@blueprint.response(200, SavedSchema)
@blueprint.alt_response(409, description="VALUE_CHANGED: details.row holds the current values")
@blueprint.alt_response(422, description="MARK_ABOVE_MAXIMUM, MARK_INVALID, CARRY_FORWARD_NOT_ALLOWED, "
                                         "INITIALS_INVALID, OUTCOME_INVALID, FIELD_UNKNOWN")
@blueprint.alt_response(423, description="MARKSHEET_SUBMITTED: the marksheet is locked")
def save_field(body, centre, unit_id, candidate_number):
    """Save one typed value (a task mark, A, C/CF, initials or an outcome) as it is entered."""
    # Already in the schema's shape: dumping it through marshmallow again cost a tenth of a save.
    return jsonify(handlers.save_field(uow(), actor(), centre, unit_id, candidate_number, body["field"],
                                       body["value"], body["previous"], now()))


@blueprint.route(f"{UNIT}/import", methods=["POST"])
@requires_token()
@blueprint.arguments(ImportFileSchema, location="files")
@blueprint.response(200, ImportedSchema)
@blueprint.alt_response(422, schema=FileRefusedSchema, description="IMPORT_REFUSED: details.errors lists every "
                        "bad row with its code and params; nothing changed")
@blueprint.alt_response(423, description="MARKSHEET_SUBMITTED")
def import_marks(files, centre, unit_id):
    """Import a CSV of marks or outcomes from a school's MIS: every row valid, or nothing changes."""
    upload = files["file"]
    data = upload.stream.read(MAX_BYTES + 1)  # a longer file is refused by its size, unread
    return transfers.import_marks(uow(), actor(), centre, unit_id, data, upload.filename or "", now())


@blueprint.route(f"{UNIT}/export.csv")
@requires_token()
@blueprint.doc(responses={"200": {"description": "The marksheet as CSV", "content": {"text/csv": {}}}})
def export_marks(centre, unit_id):
    """The whole marksheet as CSV (the import's columns plus surname, forename, total)."""
    filename, text = transfers.export_marks(uow(), actor(), centre, unit_id, now())
    return Response(text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{filename}"',
                                                        "Cache-Control": "no-store"})


@blueprint.route(f"{UNIT}/submit", methods=["POST"])
@requires_token()
@blueprint.response(200, SubmittedSchema)
@blueprint.alt_response(422, description="MARKSHEET_INCOMPLETE")
def submit(centre, unit_id):
    """Submit the marksheet; pressing twice returns the first submission (already_submitted)."""
    return submission.submit(uow(), actor(), centre, unit_id, now())


@blueprint.route("/centres/<centre>/audit")
@requires_token()
@blueprint.arguments(AuditQuerySchema, location="query")
@blueprint.response(200, AuditEntrySchema(many=True))
def centre_audit(query, centre):
    """Who read or changed the centre's marks, newest first (Examinations Officer and Admins)."""
    return list_centre_audit(uow(), actor(), centre, query["limit"])
