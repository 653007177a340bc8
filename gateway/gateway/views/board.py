"""Board staff: series and their units (tasks and maxima, grade scales, rules, deadlines)."""
from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext

from ..board_forms import SeriesForm, UnitForm, iso_date
from ..marks_access import board_required, marks_api
from ..marks_client import MarksRefused

blueprint = Blueprint("board", __name__, url_prefix="/board")
FORM_REFUSALS = (400, 409, 422)


@blueprint.route("/series", methods=["GET", "POST"])
@board_required
def series_list():
    form = SeriesForm()
    problem = None
    if form.validate_on_submit():
        try:
            marks_api().add_series(g.user, form.name.data, iso_date(form.results_day.data))
        except MarksRefused as refusal:
            problem = _form_refusal(refusal)
        else:
            flash(gettext("Series %(name)s added.", name=form.name.data))
            return redirect(url_for(".series_list"))
    return render_template("board/series.html", series=marks_api().series(g.user), form=form, problem=problem)


@blueprint.route("/series/<series_id>", methods=["GET", "POST"])
@board_required
def series_units(series_id):
    series = find_series(series_id)
    form = UnitForm(data={"kind": "marks"})
    problem = None
    if form.validate_on_submit():
        unit = form.unit()
        try:
            marks_api().add_unit(g.user, series_id, unit)
        except MarksRefused as refusal:
            problem = _form_refusal(refusal)
        else:
            flash(gettext("Unit %(code)s added to %(series)s.", code=unit["code"], series=series["name"]))
            return redirect(url_for(".series_units", series_id=series_id))
    return render_template("board/series_units.html", series=series, form=form, problem=problem,
                           units=marks_api().series_units(g.user, series_id))


def find_series(series_id: str) -> dict:
    for series in marks_api().series(g.user):
        if str(series["id"]) == series_id:
            return series
    abort(404)


def _form_refusal(refusal: MarksRefused) -> str:
    """The service's reason for refusing a valid-looking form (a name already used, say)."""
    if refusal.status not in FORM_REFUSALS:
        raise refusal
    return refusal.message or gettext("The marks service refused this. Nothing was changed.")
