"""The Flask app every service starts from: config, database, token checks, health, metrics, OpenAPI."""
import time
from pathlib import Path

from flask import Flask, current_app, g, jsonify
from flask_smorest import Api, Blueprint
from sqlalchemy import text

from .bus.connection import connect
from .config import service_settings
from .db import make_engine, make_session_factory
from .errors import register_error_table, register_generic_errors
from .metrics import install_metrics
from .tokens import TokenVerifier, requires_token

HEALTH_CACHE_SECONDS = 5


def create_service_app(service: str, import_name: str, test_config: dict | None,
                       blueprints: list[Blueprint], error_table: dict) -> Flask:
    app = Flask(import_name)
    app.config.update(service_settings(service))
    app.config.update(
        API_TITLE=f"IAMIS {service} service", API_VERSION="v1", OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX=f"/api/{service}", OPENAPI_JSON_PATH="openapi.json",
        JSON_SORT_KEYS=False,
    )
    app.config.update(test_config or {})

    engine = app.config.get("ENGINE") or make_engine(app.config["DATABASE_URL"])
    app.extensions["iamis_engine"] = engine
    app.extensions["iamis_sessions"] = make_session_factory(engine)
    public_pem = app.config.get("TOKEN_PUBLIC_KEY") or Path(app.config["TOKEN_PUBLIC_KEY_FILE"]).read_bytes()
    app.extensions["iamis_token_verifier"] = TokenVerifier(public_pem, audience=service,
                                                           issuer=app.config["TOKEN_ISSUER"])

    api = Api(app)
    for blueprint in [*blueprints, _whoami_blueprint(service)]:
        api.register_blueprint(blueprint)
    register_generic_errors(app)
    register_error_table(app, error_table)
    install_metrics(app, service)
    _install_health(app)
    return app


def _whoami_blueprint(service: str) -> Blueprint:
    blueprint = Blueprint(f"{service}_whoami", __name__, url_prefix=f"/api/{service}/v1",
                          description="Who this service sees the caller as")

    @blueprint.route("/whoami")
    @requires_token(kinds=("user", "service"))
    def whoami():
        p = g.principal
        return jsonify(sub=p.sub, kind=p.kind, account_type=p.account_type, centres=list(p.centres),
                       permissions=list(p.permissions))

    return blueprint


def _install_health(app: Flask) -> None:
    cache: dict = {"at": 0.0, "body": None, "status": 503}

    @app.get("/healthz")
    def healthz():
        if time.monotonic() - cache["at"] > HEALTH_CACHE_SECONDS:
            checks = {"database": _check_database(), "bus": _check_bus()}
            healthy = all(v == "ok" for v in checks.values())
            cache.update(at=time.monotonic(), body=dict(checks, status="ok" if healthy else "failing"),
                         status=200 if healthy else 503)
        return jsonify(cache["body"]), cache["status"]


def _check_database() -> str:
    try:
        with current_app.extensions["iamis_engine"].connect() as conn:
            conn.execute(text("SELECT 1"))
        return "ok"
    except Exception as exc:  # report, do not raise: this is the health page
        return f"unreachable: {exc.__class__.__name__}"


def _check_bus() -> str:
    try:
        with connect(current_app.config["BUS_URL"], connect_timeout=2) as connection:
            connection.ensure_connection(max_retries=1)
        return "ok"
    except Exception as exc:  # report, do not raise: this is the health page
        return f"unreachable: {exc.__class__.__name__}"


def session_factory():
    return current_app.extensions["iamis_sessions"]
