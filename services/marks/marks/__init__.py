"""IAMIS marks service: series, units, entries, marks and outcomes, submissions."""
from iamis_shared.web import create_service_app

from .entrypoints.api import blueprint
from .entrypoints.errors import ERRORS

SERVICE = "marks"


def create_app(test_config=None):
    return create_service_app(SERVICE, __name__, test_config, [blueprint], ERRORS)
