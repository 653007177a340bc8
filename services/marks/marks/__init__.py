"""IAMIS marks service: series, units, entries, marks and outcomes, submissions."""
from iamis_shared.web import create_service_app

from .adapters.unit_repository import KnownUnits
from .entrypoints.api import blueprint
from .entrypoints.board_api import board_blueprint
from .entrypoints.errors import ERRORS
from .entrypoints.line_errors import register_file_refusals

SERVICE = "marks"
MAX_REQUEST_BYTES = 8 * 1024 * 1024  # the largest CSV upload and its multipart wrapping


def create_app(test_config=None):
    config = {"MAX_CONTENT_LENGTH": MAX_REQUEST_BYTES, **(test_config or {})}
    app = create_service_app(SERVICE, __name__, config, [blueprint, board_blueprint], ERRORS)
    register_file_refusals(app)
    app.extensions["marks_known_units"] = KnownUnits()  # per app: each test's app has its own database
    return app
