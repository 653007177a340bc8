"""Sign-in, last step: the authentication code, or enrolling an authenticator app first."""
import segno
from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext

from ..auth import CLAIM_KEYS, identity, safe_next, session_cache
from ..forms import CodeForm
from ..i18n import LANGUAGE_COOKIE, LANGUAGES, remember_language
from ..identity_client import CHALLENGE_EXPIRED, IdentityRefused
from ..sign_in_messages import refusal_problem

blueprint = Blueprint("sign_in_code", __name__, url_prefix="/sign-in")


@blueprint.route("/code", methods=["GET", "POST"])
def code():
    challenge = session.get("challenge")
    if not challenge:
        return redirect(url_for("sign_in.email"))
    if challenge.get("secret"):
        return redirect(url_for(".enrol"))
    return _code_step("sign_in/code.html", challenge)


@blueprint.route("/enrol", methods=["GET", "POST"])
def enrol():
    challenge = session.get("challenge")
    if not challenge or not challenge.get("secret"):
        return redirect(url_for("sign_in.email"))
    secret = challenge["secret"]
    qr_code = segno.make(challenge["uri"] or secret, error="m")
    return _code_step("sign_in/enrol.html", challenge,
                      qr_svg=qr_code.svg_inline(scale=5, border=4, dark="#000", light="#fff"),
                      secret_groups=" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)))


def _code_step(template: str, challenge: dict, **context):
    form = CodeForm()
    problem = None
    if form.validate_on_submit():
        try:
            result = identity().submit_code(challenge["id"], form.code.data)
        except IdentityRefused as refusal:
            if refusal.code == CHALLENGE_EXPIRED:
                session.pop("challenge", None)
                flash(gettext("Your sign-in took too long. Start again."), "notice")
                return redirect(url_for("sign_in.email"))
            problem = refusal_problem(refusal, form.code)
        else:
            return _signed_in(result)
    return render_template(template, form=form, problem=problem, **context)


def _signed_in(result: dict):
    next_path = safe_next((session.get("sign_in") or {}).get("next"))
    # A fresh cookie after sign-in: nothing from before (challenge, CSRF token) carries over.
    session.clear()
    session.permanent = True
    session["sid"] = result["session_id"]
    claims = {key: result["user"][key] for key in CLAIM_KEYS if key in result["user"]}
    session_cache().put(result["session_id"], claims)
    response = redirect(next_path)
    if request.cookies.get(LANGUAGE_COOKIE) not in LANGUAGES and claims.get("language") in LANGUAGES:
        remember_language(response, claims["language"])
    return response
