"""Who may reach a centre's user pages: its own Exams Officers and Admins. A User account is told it has
no access; another centre's pages are "not found", the same as a centre that does not exist."""
from contextlib import contextmanager
from datetime import datetime
from functools import wraps
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime
from flask import abort, current_app, g, make_response, render_template
from flask_babel import get_locale

from .auth import sign_in_required
from .centre_user_labels import MANAGER_ACCOUNT_TYPES
from .identity_client import IdentityRefused

NO_ACCESS_PAGE = "centre_users/no_access.html"


def centre_manager_required(view):
    @wraps(view)
    def wrapper(*args, centre: str, **kwargs):
        if g.user.get("account_type") not in MANAGER_ACCOUNT_TYPES:
            return render_template(NO_ACCESS_PAGE), 403
        if centre not in g.user.get("centres", ()):
            abort(404)
        return view(*args, centre=centre, **kwargs)
    return sign_in_required(wrapper)


@contextmanager
def not_found_as_404():
    """Identity's "no such centre or user" becomes the site's own page-not-found."""
    try:
        yield
    except IdentityRefused as refusal:
        if refusal.status == 404:
            abort(404)
        if refusal.status == 403:  # access withdrawn since this page's own check
            abort(make_response(render_template(NO_ACCESS_PAGE), 403))
        raise


def display_moment(value) -> str:
    """An ISO 8601 moment as "16 Sep 2025 15:03" ("16 Medi 2025 15:03") in the site's time zone."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return "-"
    try:
        zone = ZoneInfo(current_app.config["DISPLAY_TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return format_datetime(moment.astimezone(zone), "d MMM yyyy HH:mm", locale=str(get_locale()))
