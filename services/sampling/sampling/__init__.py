"""IAMIS sampling service: moderation samples: system, centre-added, moderator-requested, substitutes."""
from iamis_shared.web import create_service_app

from .entrypoints.api import blueprint
from .entrypoints.errors import ERRORS
from .entrypoints.policy_api import policy_blueprint

SERVICE = "sampling"


def create_app(test_config=None):
    return create_service_app(SERVICE, __name__, test_config, [blueprint, policy_blueprint], ERRORS)
