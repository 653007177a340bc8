"""IAMIS identity service: centres, users, sign-in with MFA, sessions and the access audit log."""
from iamis_shared.config import env
from iamis_shared.web import create_service_app

from .domain.passwords import Passwords
from .domain.policy import SignInPolicy
from .entrypoints.api import blueprint
from .entrypoints.audit_api import audit_blueprint
from .entrypoints.errors import ERRORS

SERVICE = "identity"


def identity_settings() -> dict:
    """Sign-in and session limits, from the environment (minutes and hours may be fractions)."""
    return {
        "SIGNIN_MAX_FAILURES": int(env("SIGNIN_MAX_FAILURES", "5")),
        "SIGNIN_LOCK_MINUTES": float(env("SIGNIN_LOCK_MINUTES", "15")),
        "SESSION_IDLE_MINUTES": float(env("SESSION_IDLE_MINUTES", "30")),
        "SESSION_MAX_HOURS": float(env("SESSION_MAX_HOURS", "12")),
    }


def policy_from(config) -> SignInPolicy:
    return SignInPolicy(max_failures=int(config["SIGNIN_MAX_FAILURES"]),
                        lock_minutes=float(config["SIGNIN_LOCK_MINUTES"]),
                        idle_minutes=float(config["SESSION_IDLE_MINUTES"]),
                        max_hours=float(config["SESSION_MAX_HOURS"]))


def create_app(test_config=None):
    config = {**identity_settings(), **(test_config or {})}
    app = create_service_app(SERVICE, __name__, config, [blueprint, audit_blueprint], ERRORS)
    app.extensions["identity_policy"] = policy_from(app.config)
    app.extensions["identity_passwords"] = Passwords()
    return app
