"""The Internal Assessment Mark/Outcomes Input page: the centre's units, series by series."""
from flask import Blueprint, g, render_template, request
from flask_babel import gettext

from ..marks_access import (CENTRE_NUMBER, centre_query, chosen_centre, home_centre, iamis_required,
                            is_board_staff, marks_api)

blueprint = Blueprint("iamis", __name__, url_prefix="/iamis")


@blueprint.get("")
@iamis_required
def start():
    board, centres = is_board_staff(g.user), g.user.get("centres") or []
    # Only board staff and users of several centres have the centre picker; others see their own.
    picker = board or len(centres) > 1
    requested = (request.args.get("centre") or "").strip() if picker else ""
    centre = chosen_centre(g.user, requested)
    problem = None
    if requested and not CENTRE_NUMBER.match(requested):
        problem = gettext("Enter a centre number of 5 digits, like 68101")
    series = marks_api().units(g.user, centre)["series"] if centre else []
    return render_template("portal/iamis.html", series=series, centre=centre, requested=requested,
                           problem=problem, board=board, picker=picker,
                           own_centre=home_centre(g.user), centres=centres,
                           centre_args=centre_query(g.user, centre) if centre else {},
                           open_series=request.args.get("series", ""))


@blueprint.get("/reports")
@iamis_required
def reports():
    return render_template("portal/reports.html")


@blueprint.get("/amendments")
@iamis_required
def amendments():
    return render_template("marks/amendments.html")
