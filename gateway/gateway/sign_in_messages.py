"""What a person reads when identity refuses a sign-in step."""
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app
from flask_babel import gettext, lazy_gettext as _l

from .identity_client import ACCOUNT_LOCKED, SIGN_IN_FAILED, IdentityRefused

# One message for a wrong email, password or code, so the page never tells which one was wrong.
SIGN_IN_FAILED_MESSAGE = _l("The email address, password or authentication code is not right. "
                            "Check them and try again.")


def refusal_problem(refusal: IdentityRefused, field) -> str | None:
    """Put a wrong-credentials refusal on `field`; return any other refusal as a page-level problem."""
    if refusal.code == SIGN_IN_FAILED:
        field.errors = [*field.errors, str(SIGN_IN_FAILED_MESSAGE)]
        return None
    if refusal.code == ACCOUNT_LOCKED:
        return locked_message(refusal.details.get("locked_until"))
    return gettext("Sign in could not be completed. Start again, and if it happens again, "
                   "get in touch with your Examinations Officer.")


def locked_message(locked_until: str | None) -> str:
    local = _local_time(locked_until)
    if local is None:
        return gettext("Too many failed attempts. This account is locked for a while. Try again later.")
    return gettext("Too many failed attempts. This account is locked until %(time)s. Try again after that.",
                   time=local.strftime("%H:%M"))


def _local_time(moment: str | None) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(moment or "")
    except ValueError:
        return None
    try:
        zone = ZoneInfo(current_app.config["DISPLAY_TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    # A time without an offset is taken as UTC, which is what identity stores.
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo("UTC"))
    return parsed.astimezone(zone)
