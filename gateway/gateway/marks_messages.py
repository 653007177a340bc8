"""What a person reads when the marks service refuses something, in their language.

The service's own messages are English; the pages show these translations of them instead, picked by the
contract's code. The same templates go to marksheet.js with {task}, {max} and {value} left to fill in.
"""
from flask_babel import lazy_gettext as _l

from .marks_client import MarksRefused

LOCKED = _l("ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED TO WJEC THE MARKS & OUTCOMES AWARDED TO CANDIDATES "
            "CANNOT BE ALTERED ONLINE, A REQUEST CAN BE MADE BY COMPLETING THE MARK/GRADE AMENDMENT FORM "
            "AVAILABLE ON THE IAMIS SCREEN.")
READ_ONLY = _l("Board staff can view marks and outcomes but cannot change them.")
INCOMPLETE = _l("Every candidate needs a mark or outcome, and teacher initials where they are required, "
                "before you can submit.")

FIELD_MESSAGES = {
    "MARK_ABOVE_MAXIMUM": _l("The mark for %(task)s must be no more than %(max)s."),
    "MARK_INVALID": _l("Enter a whole number from 0 to %(max)s for %(task)s, or A if the candidate was "
                       "absent."),
    "MARK_INVALID_CF": _l("Enter a whole number from 0 to %(max)s for %(task)s, or A if the candidate was "
                          "absent, or C/CF to carry forward."),
    "CARRY_FORWARD_NOT_ALLOWED": _l("You cannot carry forward a mark for this unit."),
    "INITIALS_INVALID": _l("Enter the teacher's initials: up to 4 letters."),
    "OUTCOME_INVALID": _l("Choose one of the grades in the list, or Absent."),
    "VALUE_CHANGED": _l("Someone else changed this value since you opened the marksheet. It is now "
                        "%(value)s. Check it before you change it."),
    "VALUE_CLEARED": _l("Someone else cleared this value since you opened the marksheet. Check it before "
                        "you change it."),
    "MARKSHEET_SUBMITTED": LOCKED,
    "READ_ONLY": READ_ONLY,
    "CANDIDATE_NOT_FOUND": _l("This candidate is no longer on this marksheet. Reload the page."),
    # What nginx answers for a call from the page when the session or the page is no longer valid.
    "SIGN_IN_REQUIRED": _l("Your session has ended, so this was not saved. Sign in again and re-enter it."),
    "CSRF_TOKEN_INVALID": _l("This page has expired, so this was not saved. Reload the page and try again."),
    "UNAVAILABLE": _l("This was not saved because the service is not available. Try again in a few "
                      "minutes."),
    "NOT_SAVED": _l("This was not saved. Check your connection and try again."),
}


def field_message(code: str, task: str = "", maximum: int | str = "", value: str = "",
                  carry_forward: bool = False) -> str:
    """The translated message for a refused save of one field (unknown codes read as "not saved")."""
    if code == "MARK_INVALID" and carry_forward:
        code = "MARK_INVALID_CF"
    if code == "VALUE_CHANGED" and value == "":
        code = "VALUE_CLEARED"
    template = FIELD_MESSAGES.get(code, FIELD_MESSAGES["NOT_SAVED"])
    return str(template) % {"task": task, "max": maximum, "value": value}


def client_messages(carry_forward: bool) -> dict:
    """Every field message with its blanks as {task}, {max} and {value}, for marksheet.js."""
    blanks = {"task": "{task}", "max": "{max}", "value": "{value}"}
    messages = {code: str(template) % blanks for code, template in FIELD_MESSAGES.items()}
    if carry_forward:
        messages["MARK_INVALID"] = messages["MARK_INVALID_CF"]
    return messages


def changed_value(refusal: MarksRefused, field: str) -> str:
    """The value someone else saved, from a VALUE_CHANGED refusal's current row."""
    row = refusal.details.get("row") if isinstance(refusal.details, dict) else None
    values = row.get("values") if isinstance(row, dict) else None
    return str(values.get(field) or "") if isinstance(values, dict) else ""
