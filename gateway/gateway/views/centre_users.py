"""Centre Users: the Manage Users list, inviting a user, and sending an invite again."""
from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext

from ..centre_access import centre_manager_required, display_moment, not_found_as_404
from ..centre_user_forms import ConfirmForm, InviteUserForm
from ..centre_user_labels import ACCOUNT_TYPE_DESCRIPTIONS, ACCOUNT_TYPES
from ..centre_user_messages import EMAIL_IN_USE, REFUSALS
from ..centre_users_client import centre_users
from ..identity_client import IdentityRefused

blueprint = Blueprint("centre_users", __name__, url_prefix="/centre/<centre>/users")
blueprint.add_app_template_filter(display_moment, "moment")
FILTER_MAX_LENGTH = 200


@blueprint.get("")
@centre_manager_required
def users(centre):
    text = request.args.get("q", "").strip()[:FILTER_MAX_LENGTH]
    with not_found_as_404():
        listed = centre_users().users(g.user, centre, text or None)
    return render_template("centre_users/list.html", centre=centre, users=listed, text=text,
                           account_types=ACCOUNT_TYPES, form=ConfirmForm())


@blueprint.route("/invite", methods=["GET", "POST"])
@centre_manager_required
def invite(centre):
    form = InviteUserForm()
    if form.validate_on_submit():
        details = {name: getattr(form, name).data for name in ("first_name", "last_name", "email", "language",
                                                               "account_type")}
        try:
            with not_found_as_404():
                invited = centre_users().invite(g.user, centre, details)
        except IdentityRefused as refusal:
            if refusal.code != "EMAIL_IN_USE":
                raise
            form.email.errors = [*form.email.errors, str(EMAIL_IN_USE)]
        else:
            flash(gettext("An invite has been sent to %(name)s at %(email)s.", name=invited["name"],
                          email=invited["email"]), "notice")
            return redirect(url_for(".users", centre=centre))
    return render_template("centre_users/invite.html", centre=centre, form=form, account_types=ACCOUNT_TYPES,
                           descriptions=ACCOUNT_TYPE_DESCRIPTIONS)


@blueprint.post("/<user_id>/resend")
@centre_manager_required
def resend(centre, user_id):
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for(".users", centre=centre))
    try:
        with not_found_as_404():
            user = centre_users().resend_invite(g.user, centre, user_id)
    except IdentityRefused as refusal:
        if refusal.code not in REFUSALS:
            raise
        flash(str(REFUSALS[refusal.code]), "notice")
    else:
        flash(gettext("A new invite has been sent to %(name)s at %(email)s. Earlier invite links no longer "
                      "work.", name=user["name"], email=user["email"]), "notice")
    return redirect(url_for(".users", centre=centre))
