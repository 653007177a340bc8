"""IAMIS moderation service: allocations, reviews, clerical errors, further samples, reports."""
from iamis_shared.web import create_service_app

from .entrypoints.api import blueprint
from .entrypoints.errors import ERRORS
from .entrypoints.further_samples_api import further_samples_blueprint

SERVICE = "moderation"


def create_app(test_config=None):
    return create_service_app(SERVICE, __name__, test_config, [blueprint, further_samples_blueprint], ERRORS)
