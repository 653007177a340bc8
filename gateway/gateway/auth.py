"""The browser session: which identity session the cookie names, and whether it is still alive."""
from functools import wraps
from urllib.parse import urlsplit

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext

from .identity_client import SESSION_ENDED, IdentityRefused

# The claims a service token carries (the contract's CLAIMS); anything else identity sends stays here.
CLAIM_KEYS = ("sub", "name", "email", "account_type", "centres", "permissions", "language")


class SessionEnded(Exception):
    """The cookie named an identity session that has ended (signed out, idle, locked or removed)."""


def identity():
    return current_app.extensions["iamis_identity"]


def session_cache():
    return current_app.extensions["iamis_session_cache"]


def session_claims() -> dict | None:
    """The signed-in user's claims; None when the browser never signed in. Raises SessionEnded."""
    session_id = session.get("sid")
    if not session_id:
        return None
    claims = session_cache().get(session_id)
    if claims is None:
        try:
            user = identity().session_claims(session_id)
        except IdentityRefused as refusal:
            if refusal.code == SESSION_ENDED:
                raise SessionEnded() from refusal
            raise
        claims = {key: user[key] for key in CLAIM_KEYS if key in user}
        session_cache().put(session_id, claims)
    return claims


def current_location() -> str:
    query = request.query_string.decode("utf-8", "replace")
    return request.path + ("?" + query if query else "")


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a path on this site: never another host, so sign-in cannot be used to send people elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in target):
        return default
    return target


def sign_in_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        try:
            claims = session_claims()
        except SessionEnded:
            session.clear()
            flash(gettext("Your session has ended. Sign in again."), "notice")
            return redirect(url_for("sign_in.email", next=current_location()))
        if claims is None:
            return redirect(url_for("sign_in.email", next=current_location()))
        g.user = claims
        return view(*args, **kwargs)
    return wrapper


def permission_required(permission: str, template: str):
    """Refuse with a 403 page (`template`) unless the signed-in user holds `permission`."""
    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if permission not in g.user.get("permissions", ()):
                return render_template(template), 403
            return view(*args, **kwargs)
        return sign_in_required(wrapper)
    return decorate
