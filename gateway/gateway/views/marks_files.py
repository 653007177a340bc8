"""MIS import and export: a marksheet's marks or outcomes to and from a CSV file."""
import re

from flask import (Blueprint, Response, flash, g, redirect, render_template, request, stream_with_context,
                   url_for)
from flask_babel import gettext

from ..import_line_messages import shown_line_errors
from ..marks_access import centre_query, iamis_required, marks_api
from ..marks_client import MarksRefused
from ..marks_messages import LOCKED, READ_ONLY
from ..marksheet_view import DEFAULT_OPTIONS, import_columns
from .marks_sheet import load_sheet, sheet_centre

blueprint = Blueprint("marks_files", __name__, url_prefix="/iamis/units")
CHUNK_BYTES = 64 * 1024


@blueprint.post("/<unit_id>/import")
@iamis_required
def import_marks(unit_id):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _import_page(centre, unit_id, problem=gettext("Choose a CSV file to import"))
    try:
        result = marks_api().import_marks(g.user, centre, unit_id, upload)
    except MarksRefused as refusal:
        if refusal.code == "IMPORT_REFUSED":
            return _import_page(centre, unit_id, line_errors=shown_line_errors(refusal.details.get("errors")))
        if refusal.code == "MARKSHEET_SUBMITTED":
            return _import_page(centre, unit_id, problem=str(LOCKED))
        if refusal.code == "READ_ONLY":
            return _import_page(centre, unit_id, problem=str(READ_ONLY))
        if refusal.status in (400, 413, 422):
            return _import_page(centre, unit_id, problem=gettext(
                "The file could not be read as a CSV file. Nothing was imported. Check the file and try again."))
        raise
    flash(gettext("%(count)s rows imported from %(file)s.", count=result.get("imported", 0),
                  file=upload.filename))
    return redirect(url_for("marksheet.show", unit_id=unit_id, **centre_query(g.user, centre)))


def _import_page(centre: str, unit_id: str, problem: str | None = None, line_errors=()):
    unit = load_sheet(centre, unit_id, dict(DEFAULT_OPTIONS, rows="10"))["unit"]
    return render_template("marks/import.html", unit=unit, problem=problem, line_errors=line_errors,
                           import_columns=import_columns(unit), centre_args=centre_query(g.user, centre))


@blueprint.get("/<unit_id>/export.csv")
@iamis_required
def export(unit_id):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    answer = marks_api().export(g.user, centre, unit_id)
    fallback = f"marksheet-{centre}-{re.sub(r'[^A-Za-z0-9_-]', '-', unit_id)}.csv"
    disposition = answer.headers.get("Content-Disposition") or f'attachment; filename="{fallback}"'
    return Response(stream_with_context(_chunks(answer)), mimetype="text/csv",
                    headers={"Content-Disposition": disposition})


def _chunks(answer):
    try:
        yield from answer.iter_content(CHUNK_BYTES)
    finally:
        answer.close()
