"""The bad lines of a refused file (a teacher's import, the board's entries) in the person's language.

The marks service gives each line a stable code and the params its message needs; its own message is
English, so it is shown only for a code this gateway does not know yet.
"""
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from .marks_messages import FIELD_MESSAGES

LINE_MESSAGES = {
    # The whole file
    "FILE_TOO_LARGE": _l("The file is larger than %(max_mb)s MB. Upload a smaller file."),
    "FILE_NOT_TEXT": _l("The file is not a CSV text file. Save it from your spreadsheet as \"CSV UTF-8 (comma "
                        "delimited)\" and upload it again."),
    "FILE_NOT_CSV": _l("The file is not valid CSV. Save it from your spreadsheet as CSV again and upload it."),
    "FILE_EMPTY": _l("The file is empty."),
    "FILE_TOO_MANY_ROWS": _l("The file has more than %(max)s rows."),
    "COLUMNS_WRONG": _l("The first row must name the columns: %(columns)s."),
    # A teacher's marks or outcomes
    "ROW_LENGTH_WRONG": _l("This row has %(values)s values; the first row names %(columns)s columns."),
    "NOT_ENTERED": _l("Candidate %(candidate)s is not entered for this unit at your centre."),
    "CANDIDATE_REPEATED": _l("Candidate %(candidate)s is also on line %(first_line)s."),
    "OUTCOME_INVALID": _l("Choose %(grades)s or Absent."),
    "MARKS_MIXED": _l("Give either marks, or A (absent), or CF (carry forward) for this candidate, not a mix."),
    "NO_CANDIDATE_ROWS": _l("The file has no candidate rows."),
    **{code: FIELD_MESSAGES[code] for code in ("MARK_ABOVE_MAXIMUM", "MARK_INVALID", "MARK_INVALID_CF",
                                               "CARRY_FORWARD_NOT_ALLOWED", "INITIALS_INVALID")},
    # The board's entries
    "CENTRE_MISSING": _l("The centre number is missing."),
    "CANDIDATE_NUMBER_MISSING": _l("The candidate number is missing."),
    "SURNAME_MISSING": _l("The surname is missing."),
    "FORENAME_MISSING": _l("The forename is missing."),
    "DATE_OF_BIRTH_MISSING": _l("The date of birth is missing."),
    "CENTRE_INVALID": _l("The centre number %(centre)s is not 5 digits."),
    "CANDIDATE_NUMBER_INVALID": _l("The candidate number %(candidate)s is not 1 to 4 digits."),
    "SURNAME_INVALID": _l("The surname '%(value)s' must start with a letter and hold only letters, spaces, "
                          "hyphens and apostrophes (up to %(max)s)."),
    "FORENAME_INVALID": _l("The forename '%(value)s' must start with a letter and hold only letters, spaces, "
                           "hyphens and apostrophes (up to %(max)s)."),
    "DATE_OF_BIRTH_INVALID": _l("The date of birth %(value)s is not a real past date (write it as YYYY-MM-DD "
                                "or DD/MM/YYYY)."),
    "ENTRY_REPEATED": _l("Candidate %(candidate)s of centre %(centre)s is also on line %(first_line)s."),
    "NO_ENTRIES": _l("There are no entries to load."),
    "ALREADY_ENTERED": _l("Candidate %(candidate)s is already entered for %(unit)s at centre %(centre)s."),
    "CENTRE_SUBMITTED": _l("Centre %(centre)s has already submitted its marks for %(unit)s; a late entry needs "
                           "a mark amendment request."),
}


def line_message(error: dict) -> str:
    """One line's message in the page's language; the service's English only for an unknown code."""
    params = dict(error["params"]) if isinstance(error.get("params"), dict) else {}
    code = error.get("code")
    if code == "MARK_INVALID" and params.get("carry_forward"):
        code = "MARK_INVALID_CF"
    if code == "NOT_ENTERED" and not params.get("candidate"):
        params["candidate"] = gettext("(blank)")
    for listed in ("columns", "grades"):
        if isinstance(params.get(listed), list):
            params[listed] = ", ".join(str(item) for item in params[listed])
    template = LINE_MESSAGES.get(code) if isinstance(code, str) else None
    try:
        return str(template) % params if template is not None else str(error.get("message") or "")
    except (KeyError, TypeError, ValueError):  # params the service left out: its own words, not a 500
        return str(error.get("message") or "")


def shown_line_errors(errors) -> list[dict]:
    """The refusal's lines as the pages list them: line, candidate number, message in the page's language."""
    return [{"line": e.get("line"), "candidate_number": e.get("candidate_number"), "message": line_message(e)}
            for e in (errors if isinstance(errors, list) else []) if isinstance(e, dict)]
