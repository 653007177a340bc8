"""HTTP API of the identity service: sign-in and sessions, called by the gateway only."""
from datetime import datetime, timezone

from flask import current_app, request
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token
from iamis_shared.web import session_factory

from ..domain.audit import Origin
from ..service_layer import sessions, sign_in
from ..service_layer.unit_of_work import IdentityUnitOfWork
from .schemas import (CodeSignInSchema, PasswordSignInSchema, SessionSchema, SessionStartedSchema,
                      SignInStepSchema)

blueprint = Blueprint("identity", __name__, url_prefix="/api/identity/v1",
                      description="Sign-in with password and one-time code, and sessions (gateway only)")
gateway_only = requires_token(kinds=("service",))


def uow() -> IdentityUnitOfWork:
    return IdentityUnitOfWork(session_factory())


def policy():
    return current_app.extensions["identity_policy"]


def now() -> datetime:
    return datetime.now(timezone.utc)


def origin() -> Origin:
    return Origin(ip=request.headers.get("X-Forwarded-For"), user_agent=request.headers.get("User-Agent"))


@blueprint.route("/sign-in/password", methods=["POST"])
@gateway_only
@blueprint.arguments(PasswordSignInSchema)
@blueprint.response(200, SignInStepSchema)
@blueprint.alt_response(401, description="SIGN_IN_FAILED: unknown email or wrong password (one answer)")
@blueprint.alt_response(423, description="ACCOUNT_LOCKED: details.locked_until says until when")
def sign_in_with_password(body):
    """First step: check the password; answer with a challenge for the one-time code."""
    return sign_in.start_password_sign_in(uow(), current_app.extensions["identity_passwords"], policy(),
                                          body["email"], body["password"], origin(), now())


@blueprint.route("/sign-in/code", methods=["POST"])
@gateway_only
@blueprint.arguments(CodeSignInSchema)
@blueprint.response(200, SessionStartedSchema)
@blueprint.alt_response(401, description="SIGN_IN_FAILED (wrong or reused code) or CHALLENGE_EXPIRED")
@blueprint.alt_response(423, description="ACCOUNT_LOCKED: details.locked_until says until when")
def sign_in_with_code(body):
    """Second step: check the one-time code (confirming MFA enrolment); start a session."""
    return sign_in.confirm_code(uow(), policy(), body["challenge"], body["code"], origin(), now())


@blueprint.route("/sessions/<session_id>", methods=["GET"])
@gateway_only
@blueprint.response(200, SessionSchema)
@blueprint.alt_response(404, description="SESSION_ENDED: unknown, signed out, timed out or access withdrawn")
def read_session(session_id):
    """Who the session belongs to; refreshes its idle timer."""
    return sessions.read_session(uow(), policy(), session_id, now())


@blueprint.route("/sessions/<session_id>", methods=["DELETE"])
@gateway_only
@blueprint.response(204)
@blueprint.alt_response(404, description="SESSION_ENDED: already ended")
def end_session(session_id):
    """Sign out."""
    sessions.end_session(uow(), policy(), session_id, origin(), now())
    return ""
