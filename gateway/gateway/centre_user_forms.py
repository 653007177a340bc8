"""Forms of the centre-user, invitation and audit pages; labels and hints live in the templates."""
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp, StopValidation, ValidationError

from .centre_user_labels import PERMISSIONS
from .forms import EMAIL_PATTERN

MIN_PASSWORD_LENGTH = 12
INVITABLE_ACCOUNT_TYPES = ("admin", "user")


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class OneOf:
    """A value outside the list gets the same message as no choice at all ("Select ...")."""

    def __init__(self, values, message):
        self.values, self.message = tuple(values), message

    def __call__(self, form, field):
        if field.data not in self.values:
            raise StopValidation(self.message)


class ValuesField(Field):
    """Every value sent under the field's name (ticked checkboxes); none ticked is an empty list."""

    def process_formdata(self, valuelist):
        self.data = list(valuelist)


class InviteUserForm(FlaskForm):
    first_name = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the user's first name")),
        Length(max=100, message=_l("First name must be 100 characters or fewer"))])
    last_name = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the user's last name")),
        Length(max=100, message=_l("Last name must be 100 characters or fewer"))])
    email = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the user's email address")),
        Length(max=254, message=_l("Enter an email address of 254 characters or fewer")),
        Regexp(EMAIL_PATTERN, message=_l("Enter an email address in the correct format, like "
                                         "name@example.com"))])
    language = StringField(validators=[OneOf(("en", "cy"), _l("Select a language preference"))])
    account_type = StringField(validators=[OneOf(INVITABLE_ACCOUNT_TYPES, _l("Select an account type"))])


class AccessForm(FlaskForm):
    """`account_types`: what this user may be made (Exams Officer only to keep one as one)."""
    account_type = StringField()
    permissions = ValuesField(default=list)

    def __init__(self, *args, account_types=INVITABLE_ACCOUNT_TYPES, **kwargs):
        super().__init__(*args, **kwargs)
        self.account_types = tuple(account_types)

    def validate_account_type(self, field):
        OneOf(self.account_types, _l("Select an account type"))(self, field)

    def chosen_permissions(self) -> list[str]:
        return [code for code in PERMISSIONS if code in (self.permissions.data or ())]


class ConfirmForm(FlaskForm):
    """Only the CSRF token: removing a user and sending an invite again ask for nothing else."""


class SetPasswordForm(FlaskForm):
    password = PasswordField(validators=[
        DataRequired(message=_l("Enter a password")),
        Length(min=MIN_PASSWORD_LENGTH, message=_l("Your password must be 12 characters or more")),
        Length(max=1024, message=_l("Your password must be 1024 characters or fewer"))])
    confirm_password = PasswordField(validators=[
        DataRequired(message=_l("Enter your password again")),
        EqualTo("password", message=_l("The passwords do not match. Enter the same password twice"))])


class AuditFilterForm(FlaskForm):
    """Sent with GET: a filter changes nothing, so it carries no CSRF token."""
    class Meta:
        csrf = False

    user = StringField(filters=[_stripped], validators=[Optional(), Length(max=36)])
    since = StringField(filters=[_stripped], validators=[Optional(), Regexp(
        r"^\d{4}-\d{2}-\d{2}$", message=_l("Enter the from date as a real date, like 2025-09-16"))])
    until = StringField(filters=[_stripped], validators=[Optional(), Regexp(
        r"^\d{4}-\d{2}-\d{2}$", message=_l("Enter the to date as a real date, like 2025-09-16"))])

    def validate_since(self, field):
        _real_date(field, _l("Enter the from date as a real date, like 2025-09-16"))

    def validate_until(self, field):
        _real_date(field, _l("Enter the to date as a real date, like 2025-09-16"))
        if self.since.data and field.data and not self.since.errors and field.data < self.since.data:
            raise ValidationError(_l("The to date must be the same as or after the from date"))


def _real_date(field, message):
    if field.data:
        try:
            date.fromisoformat(field.data)
        except ValueError:
            raise ValidationError(message) from None
