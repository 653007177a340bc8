"""The mark-entry and board pages: their marks service client, blueprints, filters and error pages."""
from datetime import date

from flask import Flask, current_app, render_template, request, url_for

from iamis_shared.tokens import TokenIssuer

from .auth import current_location
from .marks_client import MarksClient, MarksRefused, MarksUnavailable
from .marks_messages import LOCKED, READ_ONLY
from .sampling_client import SamplingClient
from .views import board, board_entries, marks_files, marks_sample, marks_sheet, marks_submit


def install_marks_pages(app: Flask, issuer: TokenIssuer) -> None:
    app.extensions["iamis_marks"] = MarksClient(
        app.config["MARKS_URL"], issuer, http=app.config.get("MARKS_HTTP"),
        timeout=app.config["MARKS_TIMEOUT_SECONDS"])
    app.extensions["iamis_sampling"] = SamplingClient(
        app.config["SAMPLING_URL"], issuer, http=app.config.get("SAMPLING_HTTP"),
        timeout=app.config["SAMPLING_TIMEOUT_SECONDS"])
    for module in (marks_sheet, marks_sample, marks_files, marks_submit, board, board_entries):
        app.register_blueprint(module.blueprint)
    app.add_template_filter(uk_date, "uk_date")
    app.register_error_handler(MarksUnavailable, _marks_unavailable)
    app.register_error_handler(MarksRefused, _marks_refused)


def uk_date(value) -> str:
    """YYYY-MM-DD as the guide writes dates: dd/mm/yyyy (anything else is shown as it came)."""
    try:
        return date.fromisoformat(str(value)[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return str(value or "")


def _marks_unavailable(error):
    current_app.logger.error("marks call failed: %s", error)
    again = current_location() if request.method == "GET" else url_for("iamis.start")
    return render_template("marks/unavailable.html", again=again), 503


def _marks_refused(refusal: MarksRefused):
    """Refusals a page did not handle itself: show what it means, never a stack trace."""
    if refusal.status == 404:
        return render_template("errors/not_found.html"), 404
    if refusal.code == "READ_ONLY":
        return render_template("marks/refused.html", message=str(READ_ONLY)), 403
    if refusal.code == "MARKSHEET_SUBMITTED":
        return render_template("marks/refused.html", message=str(LOCKED), locked=True), 423
    if refusal.status == 403:
        return render_template("errors/no_iamis_access.html"), 403
    current_app.logger.warning("marks refused a page's call: %s %s", refusal.status, refusal.code)
    return render_template("marks/refused.html", message=refusal.message), refusal.status
