"""Submitting a complete marksheet: confirm, submit once (a second press changes nothing), see it received."""
from flask import Blueprint, abort, g, redirect, render_template, url_for

from ..marks_access import centre_query, iamis_required, is_board_staff, marks_api
from ..marks_client import MarksRefused
from ..marks_messages import INCOMPLETE, READ_ONLY
from .marks_sheet import sheet_centre

blueprint = Blueprint("marks_submit", __name__, url_prefix="/iamis/units")


def unit_summary(centre: str, unit_id: str) -> dict:
    """The unit as the IAMIS page lists it (counts, submitted); 404 when the centre has no such unit."""
    for series in marks_api().units(g.user, centre)["series"]:
        for unit in series["units"]:
            if str(unit["id"]) == unit_id:
                return dict(unit, series=series)
    abort(404)


@blueprint.get("/<unit_id>/submit")
@iamis_required
def confirm(unit_id):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    unit = unit_summary(centre, unit_id)
    if unit["submitted"]:
        return redirect(url_for(".submitted", unit_id=unit_id, **centre_query(g.user, centre)))
    problem = None if unit["can_submit"] else str(INCOMPLETE)
    if is_board_staff(g.user):
        problem = str(READ_ONLY)
    return _confirm_page(unit, centre, problem)


@blueprint.post("/<unit_id>/submit")
@iamis_required
def submit(unit_id):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    try:
        marks_api().submit(g.user, centre, unit_id)
    except MarksRefused as refusal:
        if refusal.code != "MARKSHEET_INCOMPLETE":
            raise
        return _confirm_page(unit_summary(centre, unit_id), centre, str(INCOMPLETE))
    # Both presses of a double click land here; the page after is the same for both.
    return redirect(url_for(".submitted", unit_id=unit_id, **centre_query(g.user, centre)))


@blueprint.get("/<unit_id>/submitted")
@iamis_required
def submitted(unit_id):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    unit = unit_summary(centre, unit_id)
    centre_args = centre_query(g.user, centre)
    if not unit["submitted"]:
        return redirect(url_for("marksheet.show", unit_id=unit_id, **centre_args))
    return render_template("marks/submitted.html", unit=unit, outcomes=unit["kind"] == "outcomes",
                           back_url=url_for("iamis.start", series=unit["series"]["id"], **centre_args)
                           + f"#unit-{unit['id']}")


def _confirm_page(unit: dict, centre: str, problem: str | None):
    centre_args = centre_query(g.user, centre)
    return render_template("marks/confirm_submit.html", unit=unit, problem=problem, centre_args=centre_args,
                           outcomes=unit["kind"] == "outcomes",
                           cancel_url=url_for("iamis.start", series=unit["series"]["id"], **centre_args)
                           + f"#unit-{unit['id']}")
