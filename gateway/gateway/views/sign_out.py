"""Signing out ends the identity session, not only the cookie."""
from flask import Blueprint, flash, redirect, session, url_for
from flask_babel import gettext

from ..auth import identity, session_cache
from ..identity_client import SESSION_ENDED, IdentityRefused

blueprint = Blueprint("sign_out", __name__)


@blueprint.post("/sign-out")
def sign_out():
    session_id = session.get("sid")
    if session_id:
        session_cache().forget(session_id)
        try:
            identity().end_session(session_id)
        except IdentityRefused as refusal:
            if refusal.code != SESSION_ENDED:  # already ended is what the person asked for
                raise
    session.clear()
    flash(gettext("You have signed out."), "notice")
    return redirect(url_for("sign_in.email"))
