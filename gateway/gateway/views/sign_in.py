"""Sign-in, first two steps: the email address, then the password."""
from flask import Blueprint, redirect, render_template, request, session, url_for

from ..auth import SessionEnded, identity, safe_next, session_claims
from ..forms import EmailForm, PasswordForm
from ..identity_client import IdentityRefused, IdentityUnavailable
from ..sign_in_messages import refusal_problem

blueprint = Blueprint("sign_in", __name__, url_prefix="/sign-in")


@blueprint.route("", methods=["GET", "POST"])
def email():
    next_path = safe_next(request.args.get("next"))
    if request.method == "GET" and _still_signed_in():
        return redirect(next_path)
    attempt = session.get("sign_in") or {}
    form = EmailForm(data={"email": attempt.get("email", "")})
    if form.validate_on_submit():
        session.pop("challenge", None)
        session["sign_in"] = {"email": form.email.data, "next": next_path}
        return redirect(url_for(".password"))
    return render_template("sign_in/email.html", form=form, next_path=next_path)


@blueprint.route("/password", methods=["GET", "POST"])
def password():
    attempt = session.get("sign_in")
    if not attempt:
        return redirect(url_for(".email"))
    form = PasswordForm()
    problem = None
    if form.validate_on_submit():
        try:
            outcome = identity().submit_password(attempt["email"], form.password.data)
        except IdentityRefused as refusal:
            problem = refusal_problem(refusal, form.password)
        else:
            return _start_challenge(outcome)
    return render_template("sign_in/password.html", form=form, email=attempt["email"], problem=problem)


def _start_challenge(outcome: dict):
    """Keep the single-use challenge (never the password) in the signed cookie for the code step."""
    kind, challenge = outcome.get("outcome"), outcome.get("challenge")
    if kind == "code_required" and challenge:
        session["challenge"] = {"id": challenge}
        return redirect(url_for("sign_in_code.code"))
    if kind == "enrolment_required" and challenge and outcome.get("secret"):
        session["challenge"] = {"id": challenge, "secret": outcome["secret"],
                                "uri": outcome.get("provisioning_uri", "")}
        return redirect(url_for("sign_in_code.enrol"))
    raise IdentityUnavailable(f"identity answered the password step with {kind!r}")


def _still_signed_in() -> bool:
    try:
        return session_claims() is not None
    except SessionEnded:
        session.pop("sid", None)
        return False
    except (IdentityRefused, IdentityUnavailable):
        return False
