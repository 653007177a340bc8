"""The invitation link: the invitee chooses a password, then signs in as usual and sets up MFA.

The token leaves the address bar at once (it is kept in the signed session cookie), so it is not left
in the browser's history or sent on in a Referer. The pages follow the invitee's language preference
unless the person has already chosen a language on this site.
"""
from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext

from ..centre_user_forms import SetPasswordForm
from ..centre_user_messages import INVITATION_PAGES, PASSWORD_REFUSALS
from ..centre_users_client import centre_users
from ..i18n import LANGUAGE_COOKIE, LANGUAGES, remember_language
from ..identity_client import IdentityRefused

blueprint = Blueprint("invitation", __name__, url_prefix="/invitation")
TOKEN_MAX_LENGTH = 200


@blueprint.get("/<token>")
def open_link(token):
    if len(token) > TOKEN_MAX_LENGTH:
        return _refused_page("INVITATION_NOT_FOUND")
    try:
        invitation = centre_users().look_up_invitation(token)
    except IdentityRefused as refusal:
        return _refused_page(refusal.code, refusal)
    session["invitation"] = token
    response = redirect(url_for(".set_password"))
    if request.cookies.get(LANGUAGE_COOKIE) not in LANGUAGES and invitation.get("language") in LANGUAGES:
        remember_language(response, invitation["language"])
    return response


@blueprint.route("", methods=["GET", "POST"])
def set_password():
    token = session.get("invitation")
    if not token:
        return _refused_page("INVITATION_NOT_FOUND")
    try:
        invitation = centre_users().look_up_invitation(token)
    except IdentityRefused as refusal:
        session.pop("invitation", None)
        return _refused_page(refusal.code, refusal)
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            accepted = centre_users().accept_invitation(token, form.password.data)
        except IdentityRefused as refusal:
            if refusal.code != "PASSWORD_REJECTED":
                session.pop("invitation", None)
                return _refused_page(refusal.code, refusal)
            reason = PASSWORD_REFUSALS.get(refusal.details.get("reason"), PASSWORD_REFUSALS["common"])
            form.password.errors = [*form.password.errors, str(reason)]
        else:
            session.pop("invitation", None)
            session["sign_in"] = {"email": accepted["email"], "next": url_for("portal.home")}
            flash(gettext("Your password is set. Sign in with it now, then set up your authenticator app."),
                  "notice")
            return redirect(url_for("sign_in.password"))
    return render_template("invitation/set_password.html", form=form, invitation=invitation)


def _refused_page(code: str, refusal: IdentityRefused | None = None):
    if code not in INVITATION_PAGES and refusal is not None:
        raise refusal
    template, status = INVITATION_PAGES.get(code, INVITATION_PAGES["INVITATION_NOT_FOUND"])
    return render_template(template), status
