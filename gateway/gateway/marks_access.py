"""Who may open the mark-entry and board pages, and which centre a page is about.

The marks service checks every call itself; these checks only spare people a page they cannot use.
"""
import re
from functools import wraps

from flask import current_app, g, render_template

from .auth import sign_in_required
from .marks_client import MarksClient

# Exams Officers and Admins of a centre use IAMIS without the permission; board staff read every centre.
# A centre's other users need the permission; a moderator's work is under Moderation, whatever they hold.
IAMIS_ACCOUNT_TYPES = ("exams_officer", "admin", "board_staff")
CENTRE_USER = "user"
BOARD_STAFF = "board_staff"
CENTRE_NUMBER = re.compile(r"^[0-9]{5}$")


def marks_api() -> MarksClient:
    return current_app.extensions["iamis_marks"]


def can_use_iamis(user: dict) -> bool:
    account_type = user.get("account_type")
    return account_type in IAMIS_ACCOUNT_TYPES or (account_type == CENTRE_USER and "iamis" in user.get("permissions", ()))


def is_board_staff(user: dict) -> bool:
    return user.get("account_type") == BOARD_STAFF


def home_centre(user: dict) -> str | None:
    """A centre user's own centre (the first, for the rare account of several); none for board staff."""
    centres = [] if is_board_staff(user) else user.get("centres") or []
    return centres[0] if centres else None


def chosen_centre(user: dict, requested: str | None) -> str | None:
    """The centre a page shows: the one asked for (the marks service refuses one not the user's), or
    the user's own. None when board staff have not chosen one, or asked for something not a centre."""
    requested = (requested or "").strip()
    if requested:
        return requested if CENTRE_NUMBER.match(requested) else None
    return home_centre(user)


def centre_query(user: dict, centre: str) -> dict:
    """The ?centre= a link needs to stay on `centre` (none for a user's own centre)."""
    return {} if centre == home_centre(user) else {"centre": centre}


def iamis_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not can_use_iamis(g.user):
            return render_template("errors/no_iamis_access.html"), 403
        return view(*args, **kwargs)
    return sign_in_required(wrapper)


def board_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not is_board_staff(g.user):
            return render_template("board/no_access.html"), 403
        return view(*args, **kwargs)
    return sign_in_required(wrapper)
