"""Board → Moderator allocations: which moderator moderates which centre, and allocating one more."""
from flask import Blueprint, Flask, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Regexp

from iamis_shared.tokens import TokenIssuer

from ..auth import current_location
from ..board_forms import _stripped
from ..forms import EMAIL_PATTERN
from ..marks_access import CENTRE_NUMBER, board_required
from ..moderation_client import ModerationClient, ModerationRefused, ModerationUnavailable
from .moderator_rows import local_time

blueprint = Blueprint("board_allocations", __name__, url_prefix="/board/allocations")

# The moderation service's refusals, in the person's language: (the field it is about, or None; message).
REFUSALS = {
    "BOARD_STAFF_ONLY": (None, _l("Only board staff can allocate moderators. Nothing was changed.")),
    "CENTRE_NUMBER_INVALID": ("centre", _l("Enter a centre number of 5 digits, like 68101")),
    "MODERATOR_EMAIL_INVALID": ("moderator_email", _l("Enter the moderator's email address, like "
                                                      "name@example.com")),
    "MODERATOR_NAME_REQUIRED": ("moderator_name", _l("Enter the moderator's name, up to 200 characters")),
    "ALREADY_ALLOCATED": (None, _l("This moderator is already allocated to this centre. Nothing was changed.")),
}


class AllocationForm(FlaskForm):
    centre = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the centre number")),
        Regexp(CENTRE_NUMBER, message=_l("Enter a centre number of 5 digits, like 68101"))])
    moderator_name = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the moderator's name")),
        Length(max=200, message=_l("Enter the moderator's name, up to 200 characters"))])
    moderator_email = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the moderator's email address")),
        Regexp(EMAIL_PATTERN, message=_l("Enter the moderator's email address, like "
                                                         "name@example.com"))])


def install(app: Flask, issuer: TokenIssuer) -> None:
    app.extensions["iamis_moderation"] = ModerationClient(
        app.config["MODERATION_URL"], issuer, http=app.config.get("MODERATION_HTTP"),
        timeout=app.config["MODERATION_TIMEOUT_SECONDS"])
    app.register_blueprint(blueprint)


def moderation_api() -> ModerationClient:
    return current_app.extensions["iamis_moderation"]


@blueprint.route("", methods=["GET", "POST"])
@board_required
def allocations():
    form = AllocationForm()
    problem = None
    if form.validate_on_submit():
        try:
            moderation_api().allocate(g.user, form.centre.data, form.moderator_email.data, form.moderator_name.data)
        except ModerationRefused as refusal:
            problem = _refusal(form, refusal)
        else:
            flash(gettext("%(name)s is now the moderator for centre %(centre)s.",
                          name=form.moderator_name.data, centre=form.centre.data))
            return redirect(url_for(".allocations"))
    return render_template("board/allocations.html", form=form, problem=problem, rows=_rows())


def _rows() -> list[dict]:
    listed = sorted(moderation_api().allocations(g.user),
                    key=lambda a: (str(a.get("centre")), str(a.get("moderator_name")).casefold()))
    return [dict(a, allocated_on=local_time(a.get("allocated_at"))[:10]) for a in listed]


def _refusal(form: AllocationForm, refusal: ModerationRefused) -> str | None:
    """Puts a refusal about one field on that field; returns one about the whole form (or raises)."""
    if refusal.code not in REFUSALS:
        raise refusal
    field, message = REFUSALS[refusal.code]
    if field is None:
        return str(message)
    getattr(form, field).errors = [str(message)]
    return None


@blueprint.errorhandler(ModerationRefused)
def _refused(refusal: ModerationRefused):
    if refusal.status == 403:
        return render_template("board/no_access.html"), 403
    current_app.logger.warning("moderation refused a board page: %s %s", refusal.status, refusal.code)
    return render_template("marks/refused.html", message=refusal.message), refusal.status


@blueprint.errorhandler(ModerationUnavailable)
def _unavailable(error):
    current_app.logger.error("moderation call failed: %s", error)
    return render_template("board/allocations.html", unavailable=True, again=current_location()), 503
