"""The gateway's forms; every one carries Flask-WTF's CSRF token. Labels and hints live in the templates."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, Regexp

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def _without_spaces(value):
    # People copy codes as "123 456"; the spaces carry no meaning.
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value


class EmailForm(FlaskForm):
    email = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter your email address")),
        Length(max=254, message=_l("Enter an email address of 254 characters or fewer")),
        Regexp(EMAIL_PATTERN, message=_l("Enter an email address in the correct format, like "
                                         "name@example.com")),
    ])


class PasswordForm(FlaskForm):
    password = PasswordField(validators=[
        DataRequired(message=_l("Enter your password")),
        Length(max=1024, message=_l("Enter a password of 1024 characters or fewer")),
    ])


class CodeForm(FlaskForm):
    code = StringField(filters=[_without_spaces], validators=[
        DataRequired(message=_l("Enter the authentication code")),
        Regexp(r"^[0-9]{6}$", message=_l("The authentication code must be 6 digits, like 123456")),
    ])


class LanguageForm(FlaskForm):
    lang = StringField(validators=[AnyOf(("en", "cy"))])
    next = HiddenField()
