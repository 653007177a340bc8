"""The audit log page of a centre, for its Exams Officers and Admins: sign-ins and changes to users (from
identity) and who viewed or changed which marksheet (from marks), newest first, by user and date."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Blueprint, current_app, g, render_template, request

from ..centre_access import centre_manager_required, not_found_as_404
from ..centre_user_forms import AuditFilterForm
from ..centre_user_labels import AUDIT_ACTIONS, FAILED_SIGN_IN
from ..centre_users_client import centre_users
from ..marksheet_audit import marksheet_activity

blueprint = Blueprint("audit", __name__, url_prefix="/centre/<centre>/audit")
SHOWN = 200


@blueprint.get("")
@centre_manager_required
def log(centre):
    form = AuditFilterForm(request.args)
    rows, marks_missing = [], False
    with not_found_as_404():
        people = centre_users().users(g.user, centre)
        if form.validate():
            filters = _filters(form)
            rows = [_identity_row(entry) for entry in centre_users().audit(g.user, centre, filters)]
            marks_rows = marksheet_activity(g.user, centre, filters)
            marks_missing = marks_rows is None
            rows = sorted(rows + (marks_rows or []), key=_when, reverse=True)[:SHOWN]
    return render_template("audit/log.html", centre=centre, form=form, people=people, entries=rows,
                           shown=SHOWN, marks_missing=marks_missing)


def _filters(form: AuditFilterForm) -> dict:
    """The chosen days are whole days in the site's time zone, sent to identity as UTC moments."""
    filters = {"limit": SHOWN}
    if form.user.data:
        filters["user"] = form.user.data
    if form.since.data:
        filters["since"] = _start_of(date.fromisoformat(form.since.data)).isoformat()
    if form.until.data:
        filters["until"] = _start_of(date.fromisoformat(form.until.data) + timedelta(days=1)).isoformat()
    return filters


def _start_of(day: date) -> datetime:
    try:
        zone = ZoneInfo(current_app.config["DISPLAY_TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.combine(day, time.min, tzinfo=zone)


def _identity_row(entry: dict) -> dict:
    if entry.get("action") == "sign_in" and entry.get("outcome") == "failure":
        label = FAILED_SIGN_IN
    else:
        label = AUDIT_ACTIONS.get(entry.get("action"), entry.get("action", ""))
    return dict(entry, label=str(label), about=entry.get("subject_name"))


def _when(row: dict) -> datetime:
    try:
        moment = datetime.fromisoformat(str(row.get("occurred_at")))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
