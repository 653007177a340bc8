"""Evidence on the marksheet, the parts that work without JavaScript: a candidate's file list (which the
upload script also reloads), deleting a file after a confirmation page, discarding an unfinished upload, and
the note to the moderator."""
from flask import (Blueprint, abort, current_app, flash, g, make_response, redirect, render_template, request,
                   url_for)
from flask_babel import gettext

from ..evidence_client import EvidenceRefused, EvidenceUnavailable
from ..evidence_messages import NOTE_LIMIT, REFUSALS, UNAVAILABLE, discarded, refusal_message, why_not
from ..evidence_view import SheetEvidence, evidence_api, file_view
from ..marks_access import centre_query, iamis_required
from ..marksheet_view import option_query, sheet_options
from .marks_sheet import sheet_centre

blueprint = Blueprint("evidence", __name__, url_prefix="/iamis/units")


@blueprint.get("/<unit_id>/evidence/files")
@iamis_required
def file_list(unit_id):
    """One candidate's files (or the unit's group files: no candidate), as the Upload column lists them."""
    centre = _centre()
    candidate = (request.args.get("candidate") or "").strip() or None
    listing = _listing(centre, unit_id)
    evidence = SheetEvidence(upload_unit=True, submitted=True, listing=listing)
    return render_template("evidence/_file_list.html", evidence=evidence, candidate=candidate, unit_id=unit_id,
                           query=_query(centre))


@blueprint.get("/<unit_id>/evidence/files/<file_id>/delete")
@iamis_required
def confirm_delete(unit_id, file_id):
    centre = _centre()
    listing = _listing(centre, unit_id)
    stored = _file(listing, file_id)
    problem = "" if listing.get("can_delete") else why_not(g.user, listing, deleting=True)
    return _confirm_page(listing, stored, unit_id, centre, problem), 409 if problem else 200


@blueprint.post("/<unit_id>/evidence/files/<file_id>/delete")
@iamis_required
def delete(unit_id, file_id):
    centre = _centre()
    listing = _listing(centre, unit_id)
    stored = _file(listing, file_id)
    try:
        evidence_api().delete_file(g.user, file_id)
    except EvidenceRefused as refusal:
        return _confirm_page(listing, stored, unit_id, centre, refusal_message(refusal)), refusal.status
    except EvidenceUnavailable as error:
        current_app.logger.error("evidence call failed: %s", error)
        return _confirm_page(listing, stored, unit_id, centre, str(UNAVAILABLE)), 503
    flash(gettext("%(name)s has been deleted.", name=stored["filename"]))
    return redirect(_back(unit_id, centre))


@blueprint.post("/<unit_id>/evidence/uploads/<upload_id>/discard")
@iamis_required
def discard_upload(unit_id, upload_id):
    """An unfinished upload abandoned without the upload script (which calls the API itself)."""
    centre = _centre()
    upload = next((u for u in _listing(centre, unit_id).get("uploads", ()) if str(u.get("upload_id")) == upload_id),
                  None)
    if upload is None:
        abort(404)
    try:
        evidence_api().discard_upload(g.user, upload_id)
    except EvidenceRefused as refusal:
        if refusal.code != "UPLOAD_NOT_FOUND":  # gone already: as wanted
            _refused(refusal_message(refusal), refusal.status)
    except EvidenceUnavailable as error:
        current_app.logger.error("evidence call failed: %s", error)
        _refused(str(UNAVAILABLE), 503)
    flash(discarded(upload["filename"]))
    return redirect(_back(unit_id, centre))


@blueprint.post("/<unit_id>/evidence/note")
@iamis_required
def save_note(unit_id):
    centre = _centre()
    # Kept as written; only a note of nothing but spaces is no note at all.
    text = (request.form.get("text") or "").replace("\r\n", "\n")
    text = text if text.strip() else ""
    if len(text) > NOTE_LIMIT:
        return _note_page(unit_id, centre, text, str(REFUSALS["NOTE_TOO_LONG"])), 422
    try:
        evidence_api().save_note(g.user, centre, unit_id, text)
    except EvidenceRefused as refusal:
        return _note_page(unit_id, centre, text, refusal_message(refusal)), refusal.status
    except EvidenceUnavailable as error:
        current_app.logger.error("evidence call failed: %s", error)
        return _note_page(unit_id, centre, text, str(UNAVAILABLE)), 503
    flash(gettext("Your note to the moderator has been saved.") if text
          else gettext("Your note to the moderator has been removed."))
    return redirect(_back(unit_id, centre) + "#evidence-note")


def _centre() -> str:
    centre = sheet_centre()
    if centre is None:
        abort(404)
    return centre


def _query(centre: str) -> dict:
    return dict(centre_query(g.user, centre), **option_query(sheet_options(request.args)))


def _back(unit_id: str, centre: str) -> str:
    return url_for("marksheet.show", unit_id=unit_id, **_query(centre))


def _listing(centre: str, unit_id: str) -> dict:
    try:
        return evidence_api().listing(g.user, centre, unit_id)
    except EvidenceRefused as refusal:
        if refusal.status == 404:
            abort(404)
        _refused(refusal_message(refusal), refusal.status)
    except EvidenceUnavailable as error:
        current_app.logger.error("evidence call failed: %s", error)
        _refused(str(UNAVAILABLE), 503)


def _refused(message: str, status: int):
    abort(make_response(render_template("marks/refused.html", message=message), status))


def _file(listing: dict, file_id: str) -> dict:
    found = next((f for f in listing.get("files", ()) if str(f.get("file_id")) == file_id), None)
    if found is None:
        abort(404)
    return file_view(found)


def _confirm_page(listing: dict, stored: dict, unit_id: str, centre: str, problem: str = ""):
    return render_template("evidence/confirm_delete.html", listing=listing, file=stored, unit_id=unit_id,
                           query=_query(centre), back=_back(unit_id, centre), problem=problem)


def _note_page(unit_id: str, centre: str, text: str, problem: str):
    """The note again with the reason it was not saved; the marksheet is one link away."""
    return render_template("evidence/note.html", unit_id=unit_id, query=_query(centre), text=text,
                           problem=problem, back=_back(unit_id, centre))
