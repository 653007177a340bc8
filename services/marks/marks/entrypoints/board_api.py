"""HTTP API of the marks service for the board's staff: series, units, entries and the overview."""
from flask import request
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..domain.entry_rows import rows_from_csv, rows_from_json
from ..service_layer import board
from .board_schemas import (CentreOverviewSchema, EntriesJsonSchema, EntriesLoadedSchema, NewSeriesSchema,
                            NewUnitSchema, SeriesSchema)
from .caller import actor, now, uow
from .line_errors import FileRefusedSchema
from .schemas import UnitSchema

board_blueprint = Blueprint("marks_board", __name__, url_prefix="/api/marks/v1",
                            description="IAMIS marks for board staff: series, units and entries")
board_only = requires_token(account_types=("board_staff",))


@board_blueprint.route("/series")
@board_only
@board_blueprint.response(200, SeriesSchema(many=True))
def list_series():
    """Every series, by name."""
    return board.list_series(uow())


@board_blueprint.route("/series", methods=["POST"])
@board_only
@board_blueprint.arguments(NewSeriesSchema)
@board_blueprint.response(201, SeriesSchema)
@board_blueprint.alt_response(409, description="SERIES_EXISTS")
def create_series(body):
    return board.create_series(uow(), body["name"], body["results_day"])


@board_blueprint.route("/series/<int:series_id>/units")
@board_only
@board_blueprint.response(200, UnitSchema(many=True))
def list_units(series_id):
    return board.list_units(uow(), series_id)


@board_blueprint.route("/series/<int:series_id>/units", methods=["POST"])
@board_only
@board_blueprint.arguments(NewUnitSchema)
@board_blueprint.response(201, UnitSchema)
@board_blueprint.alt_response(409, description="UNIT_EXISTS")
@board_blueprint.alt_response(422, description="UNIT_INVALID")
def create_unit(body, series_id):
    """A unit with marks (tasks with maxima) or outcomes (a grade scale), and its rules."""
    return board.create_unit(uow(), series_id, body)


@board_blueprint.route("/units/<int:unit_id>")
@board_only
@board_blueprint.response(200, UnitSchema)
def get_unit(unit_id):
    return board.get_unit(uow(), unit_id)


@board_blueprint.route("/units/<int:unit_id>/entries", methods=["POST"])
@board_only
@board_blueprint.doc(requestBody={"content": {
    "application/json": {"schema": EntriesJsonSchema},
    "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string",
                                                                                  "format": "binary"}}}}}})
@board_blueprint.response(200, EntriesLoadedSchema)
@board_blueprint.alt_response(422, schema=FileRefusedSchema, description="ENTRIES_REFUSED: details.errors lists "
                              "every bad row with its code and params; nothing added")
def load_entries(unit_id):
    """Load entries from JSON or a CSV file (centre,candidate_number,surname,forename,date_of_birth).
    Candidates added after a centre's first load are late entries."""
    upload = request.files.get("file")
    if upload is not None:
        rows = rows_from_csv(upload.stream.read())
    else:
        rows = rows_from_json(EntriesJsonSchema().load(request.get_json(silent=True) or {})["entries"])
    return board.load_entries(uow(), actor(), unit_id, rows, now())


@board_blueprint.route("/units/<int:unit_id>/centres")
@board_only
@board_blueprint.response(200, CentreOverviewSchema(many=True))
def centre_overview(unit_id):
    """Each centre entered for the unit: entries, complete candidates, submitted or not."""
    return board.centre_overview(uow(), unit_id)
