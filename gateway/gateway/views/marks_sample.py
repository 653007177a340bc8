"""Additional candidates: after submission the centre adds candidates to the sample, and may take out
the ones it added; the system's choices stay. Each change is a small form, so it works without JavaScript."""
from flask import Blueprint, current_app, flash, g, redirect, request, url_for
from flask_babel import gettext

from ..marks_access import centre_query, iamis_required
from ..marksheet_view import option_query, sheet_options
from ..sample_view import BAD_NUMBER, CANDIDATE_NUMBER, UNAVAILABLE, refusal_message, sampling_api
from ..sampling_client import SamplingRefused, SamplingUnavailable
from .marks_sheet import load_sheet, render_sheet, sheet_centre

blueprint = Blueprint("marks_sample", __name__, url_prefix="/iamis/units")


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
    query = dict(centre_query(g.user, centre), **option_query(options))
    return redirect(url_for("marksheet.show", unit_id=unit_id, **query))


def _refused(centre: str, unit_id: str, options: dict, message: str, status: int):
    """Nothing changed: the marksheet again, the reason in its error summary."""
    page = render_sheet("marks/marksheet.html", load_sheet(centre, unit_id, options), centre, options,
                        sample_error=message)
    return page, status
