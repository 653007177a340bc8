"""Who may open the moderator's pages: moderators (the evidence service then shows only the centres
allocated to them) and board staff (every centre). The evidence service checks every call itself."""
from functools import wraps

from flask import g, render_template

from ..auth import sign_in_required
from ..marks_access import BOARD_STAFF

MODERATOR = "moderator"


def can_moderate(user: dict) -> bool:
    return user.get("account_type") in (MODERATOR, BOARD_STAFF)


def moderation_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not can_moderate(g.user):
            return render_template("moderator/no_access.html"), 403
        return view(*args, **kwargs)
    return sign_in_required(wrapper)
