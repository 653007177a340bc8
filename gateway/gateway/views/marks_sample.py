"""The sample after submission: the centre adds candidates and may take out the ones it added (the system's
choices stay), and names a substitute when a sampled candidate's work is missing or incomplete, with a note to
the moderator. Each change is a small form, so it works without JavaScript."""
from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext

from ..marks_access import centre_query, iamis_required, is_board_staff
from ..marksheet_view import option_query, sheet_options
from ..sample_view import BAD_NUMBER, CANDIDATE_NUMBER, REFUSALS, UNAVAILABLE, refusal_message, sampling_api
from ..sampling_client import SamplingRefused, SamplingUnavailable
from ..substitute_view import SubstituteForm, chosen_notice, form_problems
from .marks_sheet import load_sheet, render_sheet, sheet_centre

blueprint = Blueprint("marks_sample", __name__, url_prefix="/iamis/units")
# Refusals of a substitution the form shows beside its fields rather than on the marksheet.
FORM_REFUSALS = ("SUBSTITUTE_NOT_OFFERED", "NOTE_MISSING", "NOTE_TOO_LONG", "NOTE_UNREADABLE")


@blueprint.post("/<unit_id>/sample/add")
@iamis_required
def add(unit_id):
    return _change(unit_id, "add", gettext("Candidate %(candidate)s has been added to the sample.",
                                           candidate="{candidate}"))


@blueprint.post("/<unit_id>/sample/remove")
@iamis_required
def remove(unit_id):
    return _change(unit_id, "remove", gettext("Candidate %(candidate)s has been removed from the sample.",
                                              candidate="{candidate}"))


@blueprint.post("/<unit_id>/sample/undo-substitute")
@iamis_required
def undo(unit_id):
    return _change(unit_id, "undo_substitute", gettext(
        "The substitute for candidate %(candidate)s has been taken out: candidate %(candidate)s is in the sample "
        "as before.", candidate="{candidate}"))


@blueprint.route("/<unit_id>/sample/<candidate>/missing", methods=["GET", "POST"])
@iamis_required
def missing(unit_id, candidate):
    """Work missing or incomplete: the nearest candidates with complete work to choose from, and the note."""
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    options = sheet_options(request.args)
    if not CANDIDATE_NUMBER.match(candidate):
        return _refused(centre, unit_id, options, str(BAD_NUMBER), 422)
    if is_board_staff(g.user):
        return _refused(centre, unit_id, options, str(REFUSALS["READ_ONLY"]), 403)
    try:
        return _missing_page(centre, unit_id, candidate.zfill(4), options)
    except SamplingRefused as refusal:
        return _refused(centre, unit_id, options, refusal_message(refusal), refusal.status)
    except SamplingUnavailable as error:
        current_app.logger.error("sampling call failed: %s", error)
        return _refused(centre, unit_id, options, str(UNAVAILABLE), 503)


def _missing_page(centre: str, unit_id: str, candidate: str, options: dict):
    unit = load_sheet(centre, unit_id, dict(options, show="samples", rows="10", page=1))["unit"]
    form, problem = SubstituteForm(), None
    nearest = sampling_api().nearest(g.user, centre, unit_id, candidate)
    form.offer(nearest, unit["kind"])
    if request.method == "POST" and form.validate_on_submit():
        try:
            sampling_api().substitute(g.user, centre, unit_id, candidate, form.substitute.data,
                                      form.note_to_moderator.data)
        except SamplingRefused as refusal:
            if refusal.code not in FORM_REFUSALS:
                raise
            problem = refusal_message(refusal)  # someone changed the sample meanwhile: offer afresh
            nearest = sampling_api().nearest(g.user, centre, unit_id, candidate)
            form.offer(nearest, unit["kind"])
        else:
            flash(chosen_notice(candidate, form.substitute.data))
            return redirect(_sheet_url(unit_id, centre, options))
    problems = ([("", problem)] if problem else []) + form_problems(form)
    page = render_template("marks/substitute.html", unit=unit, nearest=nearest, form=form, problems=problems,
                           problem=problem,
                           candidate=candidate, back_url=_sheet_url(unit_id, centre, options),
                           action=url_for(".missing", unit_id=unit_id, candidate=candidate, **_query(centre, options)))
    return page, 422 if problems else 200


def _change(unit_id: str, action: str, done: str):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    options = sheet_options(request.args)
    candidate = (request.form.get("candidate_number") or "").strip()
    try:
        if not CANDIDATE_NUMBER.match(candidate):
            return _refused(centre, unit_id, options, str(BAD_NUMBER), 422)
        getattr(sampling_api(), action)(g.user, centre, unit_id, candidate.zfill(4))
    except SamplingRefused as refusal:
        return _refused(centre, unit_id, options, refusal_message(refusal), refusal.status)
    except SamplingUnavailable as error:
        current_app.logger.error("sampling call failed: %s", error)
        return _refused(centre, unit_id, options, str(UNAVAILABLE), 503)
    flash(done.format(candidate=candidate.zfill(4)))
    return redirect(_sheet_url(unit_id, centre, options))


def _query(centre: str, options: dict) -> dict:
    return dict(centre_query(g.user, centre), **option_query(options))


def _sheet_url(unit_id: str, centre: str, options: dict) -> str:
    return url_for("marksheet.show", unit_id=unit_id, **_query(centre, options))


def _refused(centre: str, unit_id: str, options: dict, message: str, status: int):
    """Nothing changed: the marksheet again, the reason in its error summary."""
    page = render_sheet("marks/marksheet.html", load_sheet(centre, unit_id, options), centre, options,
                        sample_error=message)
    return page, status
