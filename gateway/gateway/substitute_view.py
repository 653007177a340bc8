"""Missing or incomplete work: the form naming the nearest candidate with complete work as substitute, with a
note to the moderator. The sampling service offers the candidates and checks the choice again."""
from flask_babel import gettext, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

NOTE_LENGTH = 1000
CHOOSE = _l("Choose the substitute: the nearest higher or lower candidate with complete work")

# (kind of unit, side) -> how an offered candidate is described beside its radio button
OFFER_TEXTS = {
    ("marks", "higher"): _l("%(candidate)s %(name)s, total %(total)s (nearest higher)"),
    ("marks", "same"): _l("%(candidate)s %(name)s, total %(total)s (the same total)"),
    ("marks", "lower"): _l("%(candidate)s %(name)s, total %(total)s (nearest lower)"),
    ("outcomes", "higher"): _l("%(candidate)s %(name)s, %(grade)s (higher grade)"),
    ("outcomes", "same"): _l("%(candidate)s %(name)s, %(grade)s (the same grade)"),
    ("outcomes", "lower"): _l("%(candidate)s %(name)s, %(grade)s (lower grade)"),
}


def _offered(form, field) -> None:
    # Instead of WTForms' own choice check, whose message would not be in the person's language.
    if field.data not in [value for value, _ in field.choices]:
        raise ValidationError(str(CHOOSE))


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class SubstituteForm(FlaskForm):
    # The choices are the offered candidates, set by the view; none chosen or a forged number: the same message.
    substitute = RadioField(choices=[], validate_choice=False, validators=[_offered])
    note_to_moderator = TextAreaField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter a note to the moderator explaining why the work is missing or incomplete")),
        Length(max=NOTE_LENGTH, message=_l("The note to the moderator must be 1000 characters or fewer"))])

    def offer(self, nearest: dict, kind: str) -> None:
        self.substitute.choices = [(o["candidate_number"], offer_text(o, kind)) for o in nearest.get("offered", [])]


def offer_text(offered: dict, kind: str) -> str:
    text = OFFER_TEXTS.get((kind, offered.get("side")), OFFER_TEXTS[(kind, "lower")])
    return str(text) % {"candidate": offered["candidate_number"], "name": offered.get("name", ""),
                        "total": offered.get("total"), "grade": offered.get("outcome")}


def form_problems(form: SubstituteForm) -> list[tuple[str, str]]:
    """(the id to jump to, the message) for the error summary, in the order of the page."""
    problems = []
    if form.substitute.errors:
        first = form.substitute.choices[0][0] if form.substitute.choices else ""
        problems.append((f"substitute-{first}", form.substitute.errors[0]))
    if form.note_to_moderator.errors:
        problems.append(("note_to_moderator", form.note_to_moderator.errors[0]))
    return problems


def chosen_notice(candidate: str, substitute: str) -> str:
    return gettext("Candidate %(substitute)s is now in the sample as the substitute for candidate %(candidate)s.",
                   substitute=substitute, candidate=candidate)
