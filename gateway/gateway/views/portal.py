"""The Portal pages around IAMIS: home, the Menu, the step-by-step guide."""
from flask import Blueprint, g, render_template, request
from flask_babel import lazy_gettext as _l

from ..auth import sign_in_required
from ..marks_access import can_use_iamis, is_board_staff
from .moderator_access import MODERATOR, can_moderate

blueprint = Blueprint("portal", __name__)

# The Menu's sections; only Examinations & Assessments holds a service so far.
MENU_SECTIONS = {
    "exams": _l("Examinations & Assessments"),
    "entries": _l("Entries & Registrations"),
    "results": _l("Results"),
}
BOARD_SECTION = {"board": _l("Board")}
MODERATION_SECTION = {"moderation": _l("Moderation")}


@blueprint.get("/")
@sign_in_required
def home():
    return render_template("portal/home.html")


@blueprint.get("/menu")
@sign_in_required
def menu():
    sections = dict(MENU_SECTIONS, **(BOARD_SECTION if is_board_staff(g.user) else {}),
                    **(MODERATION_SECTION if can_moderate(g.user) else {}))
    moderator = g.user.get("account_type") == MODERATOR
    # A moderator's work is all under Moderation: open it first.
    section = request.args.get("section", "moderation" if moderator else "exams")
    if section not in sections:
        section = "exams"
    return render_template("portal/menu.html", sections=sections, section=section,
                           can_use_iamis=can_use_iamis(g.user), moderator=moderator)


@blueprint.get("/guide")
@sign_in_required
def guide():
    return render_template("portal/guide.html")
