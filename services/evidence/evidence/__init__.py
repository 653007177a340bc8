"""IAMIS evidence service: evidence files (bytes in S3-compatible storage), upload sessions, notes to the moderator."""
from iamis_shared.web import create_service_app

from .entrypoints.api import blueprint
from .entrypoints.errors import ERRORS

SERVICE = "evidence"


def create_app(test_config=None):
    return create_service_app(SERVICE, __name__, test_config, [blueprint], ERRORS)
