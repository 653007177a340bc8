"""The actions in a user's three-dots menu: Manage access, and Remove user (with a confirmation)."""
from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_babel import gettext

from ..centre_access import centre_manager_required, not_found_as_404
from ..centre_user_forms import AccessForm, ConfirmForm
from ..centre_user_labels import ACCOUNT_TYPE_DESCRIPTIONS, ACCOUNT_TYPES, PERMISSIONS
from ..centre_user_messages import REFUSALS
from ..centre_users_client import centre_users
from ..identity_client import IdentityRefused

blueprint = Blueprint("centre_user_actions", __name__, url_prefix="/centre/<centre>/users/<user_id>")


@blueprint.route("/access", methods=["GET", "POST"])
@centre_manager_required
def access(centre, user_id):
    with not_found_as_404():
        user = centre_users().user(g.user, centre, user_id)
    # Exams Officer is offered only to keep an account as one: nobody is made one from here.
    account_types = [t for t in ACCOUNT_TYPES if t != "exams_officer" or user["account_type"] == t]
    form = AccessForm(data={"account_type": user["account_type"], "permissions": user["granted_permissions"]},
                      account_types=account_types)
    problem = None
    if form.validate_on_submit():
        try:
            with not_found_as_404():
                changed = centre_users().change_access(g.user, centre, user_id, form.account_type.data,
                                                       form.chosen_permissions())
        except IdentityRefused as refusal:
            if refusal.code not in REFUSALS:
                raise
            problem = str(REFUSALS[refusal.code])
        else:
            flash(gettext("Access permissions for %(name)s have been updated.", name=changed["name"]), "notice")
            return redirect(url_for("centre_users.users", centre=centre))
    return render_template("centre_users/access.html", centre=centre, user=user, form=form, problem=problem,
                           account_types=ACCOUNT_TYPES, descriptions=ACCOUNT_TYPE_DESCRIPTIONS,
                           permissions=PERMISSIONS)


@blueprint.route("/remove", methods=["GET", "POST"])
@centre_manager_required
def remove(centre, user_id):
    with not_found_as_404():
        user = centre_users().user(g.user, centre, user_id)
    form, problem = ConfirmForm(), None
    if form.validate_on_submit():
        try:
            with not_found_as_404():
                centre_users().remove(g.user, centre, user_id)
        except IdentityRefused as refusal:
            if refusal.code not in REFUSALS:
                raise
            problem = str(REFUSALS[refusal.code])
        else:
            flash(gettext("%(name)s has been removed from centre %(centre)s.", name=user["name"], centre=centre),
                  "notice")
            return redirect(url_for("centre_users.users", centre=centre))
    return render_template("centre_users/remove.html", centre=centre, user=user, form=form, problem=problem)
