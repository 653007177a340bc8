"""Who viewed or changed which marksheet: the marks service's own audit log, read for the audit page.

The audit page still shows identity's entries when marks cannot answer; it then says that the
marksheet activity is missing, rather than failing as a whole.
"""
from datetime import datetime, timezone
from urllib.parse import quote

import requests
from flask import current_app
from flask_babel import lazy_gettext as _l

MARKS_AUDIT_LIMIT = 1000  # the most the marks service gives at once
MARKS_ACTIONS = {
    "marksheet_read": _l("Viewed a marksheet"),
    "marksheet_exported": _l("Exported a marksheet"),
    "mark_changed": _l("Changed a mark"),
    "marks_imported": _l("Imported marks"),
    "marksheet_submitted": _l("Submitted a marksheet"),
    "entries_loaded": _l("Entries loaded"),
}


def marksheet_activity(user: dict, centre: str, filters: dict) -> list[dict] | None:
    """The centre's marks entries in the audit page's shape, filtered as identity's are; None if unavailable."""
    answer = _get(user, f"/centres/{quote(centre, safe='')}/audit", {"limit": MARKS_AUDIT_LIMIT})
    if not isinstance(answer, list):
        return None
    titles = _unit_titles(user, centre)
    since, until = (_moment(filters.get(key)) for key in ("since", "until"))
    rows = []
    for entry in answer:
        at = _moment(entry.get("at")) if isinstance(entry, dict) else None
        if at is None or (filters.get("user") and entry.get("user_id") != filters["user"]) \
                or (since and at < since) or (until and at >= until):
            continue
        unit = titles.get(str(entry.get("unit_id")), str(entry.get("unit_id") or ""))
        about = f"{unit}, {entry['candidate_number']}" if entry.get("candidate_number") else unit
        rows.append({"occurred_at": entry["at"], "actor_user_id": entry.get("user_id"),
                     "actor_name": entry.get("user_name"), "actor_email": entry.get("user_email"),
                     "action": entry.get("action"), "about": about,
                     "label": str(MARKS_ACTIONS.get(entry.get("action"), entry.get("action", "")))})
    return rows


def _unit_titles(user: dict, centre: str) -> dict:
    listed = _get(user, f"/centres/{quote(centre, safe='')}/units", None)
    series = listed.get("series", []) if isinstance(listed, dict) else []
    return {str(unit.get("id")): unit.get("full_title") or unit.get("code", "")
            for box in series if isinstance(box, dict) for unit in box.get("units", []) if isinstance(unit, dict)}


def _get(user: dict, path: str, params: dict | None):
    token = current_app.extensions["iamis_token_issuer"].issue("marks", dict(user, kind="user"))
    http = current_app.config.get("MARKS_HTTP") or requests.Session()
    try:
        response = http.request("GET", current_app.config["MARKS_URL"].rstrip("/") + "/api/marks/v1" + path,
                                headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
                                params=params, timeout=current_app.config["MARKS_TIMEOUT_SECONDS"])
        return response.json() if response.status_code == 200 else None
    except (requests.RequestException, ValueError):
        current_app.logger.warning("marks audit not available for the audit page")
        return None


def _moment(value) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
