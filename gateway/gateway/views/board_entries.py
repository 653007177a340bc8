"""Board staff: load a unit's entries from a CSV file (late entries too) and see each centre's progress."""
from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_babel import gettext

from ..board_forms import EntriesForm
from ..import_line_messages import shown_line_errors
from ..marks_access import board_required, marks_api
from ..marks_client import MarksRefused

blueprint = Blueprint("board_entries", __name__, url_prefix="/board/units")


@blueprint.route("/<unit_id>/entries", methods=["GET", "POST"])
@board_required
def entries(unit_id):
    unit = marks_api().unit(g.user, unit_id)
    form = EntriesForm()
    problem, line_errors = None, []
    if form.validate_on_submit():
        try:
            result = marks_api().load_entries(g.user, unit_id, form.file.data)
        except MarksRefused as refusal:
            if refusal.code == "ENTRIES_REFUSED":
                line_errors = shown_line_errors(refusal.details.get("errors"))
            elif refusal.status in (400, 413, 422):
                problem = gettext("The file could not be read as a CSV file of entries. Nothing was loaded.")
            else:
                raise
        else:
            flash(gettext("Entries loaded: %(added)s added, of which %(late)s are late entries.",
                          added=result.get("added", 0), late=result.get("late", 0)))
            return redirect(url_for(".entries", unit_id=unit_id))
    return render_template("board/entries.html", unit=unit, form=form, problem=problem,
                           line_errors=line_errors, centres=marks_api().unit_centres(g.user, unit_id))
