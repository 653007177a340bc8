"""The marksheet: marks or outcomes for a unit's candidates, saved box by box or by SAVE AND CLOSE."""
from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext

from ..evidence_view import sheet_evidence
from ..marks_access import centre_query, chosen_centre, iamis_required, is_board_staff, marks_api
from ..marks_client import MarksRefused
from ..marks_messages import LOCKED, changed_value, client_messages, field_message
from ..marksheet_view import (columns, field_id, field_label, import_columns, option_query, page_numbers,
                              posted_fields, sheet_options)
from ..sample_view import sheet_sample

blueprint = Blueprint("marksheet", __name__, url_prefix="/iamis/units")
FIELD_REFUSALS = (409, 422)


def sheet_centre() -> str | None:
    return chosen_centre(g.user, request.args.get("centre"))


def load_sheet(centre: str, unit_id: str, options: dict) -> dict:
    wanted = {name: options[name] for name in ("search", "sort", "show", "rows", "page") if options[name] != ""}
    return marks_api().marksheet(g.user, centre, unit_id, wanted)


@blueprint.get("/<unit_id>")
@iamis_required
def show(unit_id):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    options = sheet_options(request.args)
    return render_sheet("marks/marksheet.html", load_sheet(centre, unit_id, options), centre, options)


@blueprint.get("/<unit_id>/print")
@iamis_required
def print_view(unit_id):
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    options = dict(sheet_options(request.args), rows="all", page=1)
    return render_sheet("marks/print.html", load_sheet(centre, unit_id, options), centre, options,
                        read_only=True)


@blueprint.post("/<unit_id>")
@iamis_required
def save_and_close(unit_id):
    """Without JavaScript the whole page is one form: save each box whose value the teacher changed."""
    centre = sheet_centre()
    if centre is None:
        return redirect(url_for("iamis.start"))
    options = sheet_options(request.args)
    sheet = load_sheet(centre, unit_id, options)
    by_field = {column.field: column for column in columns(sheet["unit"])}
    changed = [(key, typed, shown) for key, (typed, shown) in posted_fields(request.form).items()
               if typed != shown and key[1] in by_field]
    entered, errors, saved, locked = {}, {}, 0, sheet["submitted"] and bool(changed)
    for (candidate, field), typed, shown in [] if locked else changed:
        try:
            marks_api().save(g.user, centre, unit_id, candidate, field, typed, shown)
            saved += 1
        except MarksRefused as refusal:
            if refusal.code == "MARKSHEET_SUBMITTED":
                locked = True
                break
            if refusal.status not in FIELD_REFUSALS:
                raise
            column = by_field[field]
            entered[(candidate, field)] = typed
            errors[(candidate, field)] = field_message(
                refusal.code, column.task, column.maximum, changed_value(refusal, field),
                sheet["unit"].get("carry_forward_allowed", False))
    if locked:
        flash(str(LOCKED))
    if entered or locked:
        return render_sheet("marks/marksheet.html", load_sheet(centre, unit_id, options), centre, options,
                            entered=entered, errors=errors)
    if saved:
        flash(gettext("Your changes to %(unit)s have been saved.", unit=sheet["unit"]["full_title"]))
    return redirect(unit_list_url(sheet["unit"], centre))


def unit_list_url(unit: dict, centre: str) -> str:
    series = (unit.get("series") or {}).get("id", "")
    return url_for("iamis.start", series=series, **centre_query(g.user, centre)) + f"#unit-{unit['id']}"


def render_sheet(template: str, sheet: dict, centre: str, options: dict, entered=None, errors=None,
                 read_only: bool = False, sample_error: str | None = None):
    unit = sheet["unit"]
    cols = list(enumerate(columns(unit)))
    centre_args = centre_query(g.user, centre)
    query = dict(centre_args, **option_query(options))
    messages = dict(client_messages(unit.get("carry_forward_allowed", False)),
                    SAVED=gettext("Saved: %(field)s", field="{field}"),
                    ABSENT_CONFIRM=gettext("please note an ABSENT should only be used if a candidate is absent"),
                    COUNTS=gettext("Candidates: %(entries)s. Done: %(done)s. Left: %(left)s.",
                                   entries="{entries}", done="{done}", left="{left}"))
    return render_template(
        template, sheet=sheet, unit=unit, rows=sheet["rows"], centre=centre, options=options,
        outcomes=unit["kind"] == "outcomes", centre_args=centre_args, query=query,
        editable=not (read_only or sheet["submitted"] or is_board_staff(g.user)),
        mark_columns=[(i, c) for i, c in cols if c.kind != "initials"],
        initials_columns=[(i, c) for i, c in cols if c.kind == "initials"],
        sample=sheet_sample(g.user, centre, sheet, read_only), sample_error=sample_error,
        evidence=sheet_evidence(g.user, centre, sheet, read_only),
        entered=entered or {}, errors=errors or {}, messages=messages, import_columns=import_columns(unit),
        page_links=page_numbers(sheet.get("page", 1), sheet.get("pages", 1)),
        page_url=lambda number: url_for(".show", unit_id=unit["id"], **dict(query, page=number)),
        field_id=field_id, field_label=field_label, close_url=unit_list_url(unit, centre))
