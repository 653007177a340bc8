"""Moderation → Evidence: the units of the centres allocated to the moderator (every centre's, for board
staff), and a unit's sampled candidates with the files the centre uploaded for them, read-only; there the
moderator may also request further samples."""
from flask import Blueprint, Flask, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from iamis_shared.tokens import TokenIssuer

from ..auth import current_location
from ..further_samples_view import UNAVAILABLE, FurtherSamples, further_samples, moderation_api, request_refusal
from ..marks_access import CENTRE_NUMBER, is_board_staff
from ..moderation_client import ModerationRefused, ModerationUnavailable
from ..evidence_client import EvidenceRefused, EvidenceUnavailable
from ..evidence_view import evidence_api
from .moderator_access import moderation_required
from .moderator_rows import candidate_rows, group_files, local_time, person

blueprint = Blueprint("moderator_evidence", __name__, url_prefix="/moderation/evidence")

# The evidence service's refusals of a unit page, in the person's language.
REFUSALS = {
    "NOT_SUBMITTED": _l("The centre has not submitted the marks for this unit yet, so there is no sample or "
                        "evidence to see."),
    "NOT_AN_UPLOAD_UNIT": _l("Evidence for this unit is not uploaded to IAMIS: the centre sends it to the "
                             "moderator."),
}


def install(app: Flask, _issuer: TokenIssuer) -> None:
    """The pages use the evidence client the marksheet's evidence pages installed."""
    app.register_blueprint(blueprint)


@blueprint.get("")
@moderation_required
def centres():
    return render_template("moderator/evidence.html", centres=evidence_api().allocated(g.user),
                           board=is_board_staff(g.user))


@blueprint.get("/<centre>/units/<unit_id>")
@moderation_required
def unit(centre, unit_id):
    if not _known(centre, unit_id):
        return render_template("errors/not_found.html"), 404
    evidence = evidence_api().listing(g.user, centre, unit_id)  # first: it finds another centre's unit missing
    return _unit_page(centre, evidence, further_samples(g.user, centre, unit_id))


@blueprint.post("/<centre>/units/<unit_id>/further-samples")
@moderation_required
def request_further_samples(centre, unit_id):
    """Checked against the candidates just read, then sent; the page again (POST/redirect/GET) with what was done."""
    if not _known(centre, unit_id):
        return render_template("errors/not_found.html"), 404
    evidence = evidence_api().listing(g.user, centre, unit_id)
    chosen = list(dict.fromkeys(n.strip() for n in request.form.getlist("candidate_numbers") if n.strip()))
    section = further_samples(g.user, centre, unit_id)
    problem, status = (section.message, section.status) if section.message else (section.refusal(chosen), 422)
    if problem is None:
        try:
            moderation_api().request_further_samples(g.user, centre, unit_id, chosen)
        except ModerationRefused as refusal:
            if refusal.status in (403, 404):
                raise
            problem, status = request_refusal(refusal), refusal.status
        except ModerationUnavailable as error:
            current_app.logger.error("moderation call failed: %s", error)
            problem, status = str(UNAVAILABLE), 503
        else:
            flash(section.confirmation(chosen))
            return redirect(url_for(".unit", centre=centre, unit_id=unit_id))
    return _unit_page(centre, evidence, section, problem, set(chosen)), status


def _known(centre: str, unit_id: str) -> bool:
    return bool(CENTRE_NUMBER.match(centre)) and unit_id.isdigit()


def _unit_page(centre: str, evidence: dict, section: FurtherSamples, problem: str | None = None, chosen=()):
    note = evidence.get("note")
    return render_template("moderator/unit.html", centre=centre, unit=evidence.get("unit") or {},
                           note=note, note_time=local_time((note or {}).get("updated_at")),
                           note_by=person((note or {}).get("updated_by")),
                           rows=candidate_rows(evidence),
                           group_files=group_files(evidence), further=section, problem=problem, chosen=chosen)


@blueprint.errorhandler(EvidenceUnavailable)
def _unavailable(error):
    current_app.logger.error("evidence call failed: %s", error)
    return render_template("moderator/unavailable.html", again=current_location()), 503


@blueprint.errorhandler(EvidenceRefused)
def _refused(refusal: EvidenceRefused):
    """Another centre's unit looks exactly like a missing one: the evidence service answers 404."""
    if refusal.status == 404:
        return render_template("errors/not_found.html"), 404
    if refusal.status == 403:
        return render_template("moderator/no_access.html"), 403
    message = REFUSALS.get(refusal.code)
    if message is None:
        current_app.logger.warning("evidence refused a moderator page: %s %s", refusal.status, refusal.code)
    return render_template("moderator/refused.html", message=message or refusal.message), refusal.status


@blueprint.errorhandler(ModerationRefused)
def _moderation_refused(refusal: ModerationRefused):
    """A unit of a centre not allocated to the moderator is not found; anyone else may not request."""
    if refusal.status == 404:
        return render_template("errors/not_found.html"), 404
    return render_template("moderator/no_access.html"), 403
