"""IAMIS identity service: centres, users and their invitations, sign-in with MFA, sessions and the access
audit log."""
from iamis_shared.config import env
from iamis_shared.web import create_service_app

from .domain.invitations import InvitationPolicy
from .domain.passwords import Passwords
from .domain.policy import SignInPolicy
from .entrypoints.api import blueprint
from .entrypoints.audit_api import audit_blueprint
from .entrypoints.centre_users_api import centre_users_blueprint
from .entrypoints.errors import ERRORS
from .entrypoints.invitations_api import invitations_blueprint

SERVICE = "identity"


def identity_settings() -> dict:
    """Sign-in, session and invitation settings, from the environment (minutes, hours and days may be
    fractions)."""
    return {
        "SIGNIN_MAX_FAILURES": int(env("SIGNIN_MAX_FAILURES", "5")),
        "SIGNIN_LOCK_MINUTES": float(env("SIGNIN_LOCK_MINUTES", "15")),
        "SESSION_IDLE_MINUTES": float(env("SESSION_IDLE_MINUTES", "30")),
        "SESSION_MAX_HOURS": float(env("SESSION_MAX_HOURS", "12")),
        "INVITE_DAYS": float(env("INVITE_DAYS", "7")),
        # The site's address as the invitee's browser reaches it: the start of the link in invite emails.
        "PUBLIC_URL": env("PUBLIC_URL", "http://localhost:8000"),
        "DISPLAY_TIMEZONE": env("DISPLAY_TIMEZONE", "Europe/London"),
    }


def policy_from(config) -> SignInPolicy:
    return SignInPolicy(max_failures=int(config["SIGNIN_MAX_FAILURES"]),
                        lock_minutes=float(config["SIGNIN_LOCK_MINUTES"]),
                        idle_minutes=float(config["SESSION_IDLE_MINUTES"]),
                        max_hours=float(config["SESSION_MAX_HOURS"]))


def create_app(test_config=None):
    config = {**identity_settings(), **(test_config or {})}
    blueprints = [blueprint, audit_blueprint, centre_users_blueprint, invitations_blueprint]
    app = create_service_app(SERVICE, __name__, config, blueprints, ERRORS)
    app.extensions["identity_policy"] = policy_from(app.config)
    app.extensions["identity_invitations"] = InvitationPolicy(days=float(app.config["INVITE_DAYS"]),
                                                              public_url=app.config["PUBLIC_URL"])
    app.extensions["identity_passwords"] = Passwords()
    return app
