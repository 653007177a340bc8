"""nginx's auth_request target: is the browser signed in, and may it make this call to this service?"""
import re

from flask import Blueprint, Response, current_app, request
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError

from ..auth import SessionEnded, session_claims
from ..identity_client import IdentityRefused, IdentityUnavailable

blueprint = Blueprint("edge", __name__)

SERVICES = ("identity", "marks", "sampling", "evidence", "reports", "moderation")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
SERVICE_IN_URI = re.compile(r"^/api/([a-z]+)/")
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def audience_of(original_uri: str) -> str | None:
    found = SERVICE_IN_URI.match(original_uri)
    return found.group(1) if found and found.group(1) in SERVICES else None


@blueprint.route("/_auth", methods=ALL_METHODS)
def authorise():
    try:
        claims = session_claims()
    except SessionEnded:
        return _bare(401)
    except (IdentityRefused, IdentityUnavailable):
        current_app.logger.exception("Session check failed")
        return _bare(503)
    if claims is None:
        return _bare(401)
    audience = audience_of(request.headers.get("X-Original-URI", ""))
    if audience is None:
        return _bare(403)
    if request.headers.get("X-Original-Method", "GET").upper() in UNSAFE_METHODS:
        try:
            validate_csrf(request.headers.get("X-CSRFToken", ""))
        except ValidationError:
            return _bare(403)
    response = _bare(204)
    response.headers["X-Iamis-Token"] = current_app.extensions["iamis_token_issuer"].issue(
        audience, dict(claims, kind="user"))
    return response


def _bare(status: int) -> Response:
    return Response(status=status, headers={"Cache-Control": "no-store"})
