"""English and Welsh: the `lang` cookie chooses, then the signed-in user's preference, then the browser."""
from datetime import timedelta
from pathlib import Path

from flask import Blueprint, Flask, current_app, g, redirect, render_template, request
from flask_babel import Babel, get_locale

from .auth import safe_next
from .forms import LanguageForm

LANGUAGES = ("en", "cy")
LANGUAGE_COOKIE = "lang"
LANGUAGE_COOKIE_AGE = timedelta(days=365)

blueprint = Blueprint("language", __name__)


def select_locale() -> str:
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    preference = (g.get("user") or {}).get("language")
    if preference in LANGUAGES:
        return preference
    return request.accept_languages.best_match(LANGUAGES) or "en"


def install_i18n(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals["get_locale"] = get_locale
    app.register_blueprint(blueprint)
    _warn_if_not_compiled(app)


def _warn_if_not_compiled(app: Flask) -> None:
    """Without the compiled catalogue, Welsh pages would quietly show English under lang="cy"."""
    directories = app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")
    folders = [Path(app.root_path, folder) for folder in directories]
    for language in LANGUAGES[1:]:
        if not any((folder / language / "LC_MESSAGES" / "messages.mo").is_file() for folder in folders):
            app.logger.warning("No compiled %s catalogue: run "
                               "`pybabel compile -d gateway/gateway/translations`", language)


def remember_language(response, language: str):
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=LANGUAGE_COOKIE_AGE,
                        secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True, samesite="Lax")
    return response


@blueprint.post("/language")
def choose():
    form = LanguageForm()
    if not form.validate_on_submit():
        return render_template("errors/language.html"), 400
    return remember_language(redirect(safe_next(form.next.data)), form.lang.data)
