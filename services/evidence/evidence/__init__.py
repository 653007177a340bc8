"""IAMIS evidence service: evidence files (bytes in S3-compatible storage), upload sessions, notes to the moderator."""
from iamis_shared.web import create_service_app

from .entrypoints.api import blueprint
from .entrypoints.errors import ERRORS, answer_unknown_paths
from .entrypoints.upload_api import blueprint as uploads_blueprint
from .settings import object_store, storage_settings

SERVICE = "evidence"


def create_app(test_config=None):
    """test_config may set OBJECT_STORE (an adapter), CLOCK (a function giving the time now) or S3_*."""
    config = {**storage_settings(), **(test_config or {})}
    app = create_service_app(SERVICE, __name__, config, [blueprint, uploads_blueprint], ERRORS)
    app.extensions["evidence_store"] = config.get("OBJECT_STORE") or object_store(app.config)
    answer_unknown_paths(app)
    return app
