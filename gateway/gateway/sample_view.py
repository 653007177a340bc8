"""The sample as the marksheet shows it: why each candidate is in, and who may add or remove candidates."""
import re
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext, lazy_gettext as _l

from .marks_access import is_board_staff
from .sampling_client import SamplingClient, SamplingRefused, SamplingUnavailable, members_of, substitutes_of

CENTRE_ADDED = "centre-added"
# The centre cannot take these out, so for missing or incomplete work it names a substitute instead.
SUBSTITUTABLE = ("highest", "lowest", "spread", "teacher", "moderator-requested")
CANDIDATE_NUMBER = re.compile(r"^[0-9]{1,4}$")
# Candidates with no work to moderate: the sampling service refuses to add them.
NO_WORK = ("absent", "carry_forward")

REASONS = {
    "highest": _l("Chosen by the system: highest"),
    "lowest": _l("Chosen by the system: lowest"),
    "spread": _l("Chosen by the system: spread of marks"),
    "teacher": _l("Chosen by the system: teacher represented"),
    CENTRE_ADDED: _l("Added by the centre"),
    "moderator-requested": _l("Requested by the moderator"),
    "substitute": _l("Substitute for incomplete or missing work"),
}
IN_SAMPLE = _l("In the sample")

# The sampling service's refusals in the person's language; its own English message is the fallback.
REFUSALS = {
    "SYSTEM_CHOICE": _l("You cannot remove candidates chosen by the system"),
    "MODERATOR_CHOICE": _l("You cannot remove candidates requested by the moderator"),
    "ALREADY_IN_SAMPLE": _l("This candidate is already in the sample."),
    "NOT_IN_SAMPLE": _l("This candidate is not in the sample."),
    "NO_WORK_TO_SAMPLE": _l(
        "Only candidates with a mark can be added to the sample: this candidate is absent or carried forward."),
    "CANDIDATE_NOT_FOUND": _l(
        "This candidate is not on the submitted marksheet for this unit. Check the candidate number."),
    "SAMPLE_NOT_FOUND": _l(
        "There is no sample for this unit yet: it is chosen when the marksheet is submitted."),
    "READ_ONLY": _l("Board staff can see samples but not change them."),
    "PERMISSION_MISSING": _l(
        "Your account does not have the IAMIS permission. Ask your Examinations Officer to give it to you."),
    "ADDED_BY_CENTRE": _l("You added this candidate to the sample: take them out instead of choosing a substitute."),
    "IS_SUBSTITUTE": _l("This candidate is a substitute already. Undo that substitution to choose another candidate."),
    "ALREADY_SUBSTITUTED": _l(
        "A substitute has already been chosen for this candidate. Undo it first to choose another."),
    "NO_SUBSTITUTE": _l("No substitute has been chosen for this candidate."),
    # The same words as the substitute form's own checks, which usually catch these first.
    "SUBSTITUTE_NOT_OFFERED": _l("Choose the substitute: the nearest higher or lower candidate with complete work"),
    "NOTE_MISSING": _l("Enter a note to the moderator explaining why the work is missing or incomplete"),
    "NOTE_TOO_LONG": _l("The note to the moderator must be 1000 characters or fewer"),
    "NOTE_UNREADABLE": _l("The note to the moderator holds characters that cannot be kept. Type the note again."),
}
UNAVAILABLE = _l("The sample cannot be changed at the moment. Nothing was changed: try again in a few "
                           "minutes.")
BAD_NUMBER = _l("Choose a candidate on the marksheet: the candidate number is up to four digits.")


def sampling_api() -> SamplingClient:
    return current_app.extensions["iamis_sampling"]


@dataclass
class SheetSample:
    reasons: dict = field(default_factory=dict)  # candidate number -> reason
    substitutes: dict = field(default_factory=dict)  # number whose work is missing -> its substitute's number
    can_change: bool = False
    # Whether the sampling service answered: then it decides who is in, since the marksheet's own
    # Sample column follows it a moment later (through the bus).
    known: bool = False

    def member(self, row: dict) -> bool:
        return row["candidate_number"] in self.reasons if self.known else bool(row.get("sample"))

    def reason_text(self, number: str) -> str:
        reason = self.reasons.get(number)
        replaced = next((missing for missing, chosen in self.substitutes.items() if chosen == number), None)
        if replaced:
            return gettext("Substitute for %(candidate)s", candidate=replaced)
        return str(REASONS.get(reason, IN_SAMPLE)) if reason else ""

    def missing_text(self, number: str) -> str:
        chosen = self.substitutes.get(number)
        return gettext("Work missing: substitute %(candidate)s", candidate=chosen) if chosen else ""

    def removable(self, number: str) -> bool:
        return self.can_change and self.reasons.get(number) == CENTRE_ADDED

    def substitutable(self, number: str) -> bool:
        return self.can_change and self.reasons.get(number) in SUBSTITUTABLE and number not in self.substitutes

    def undoable(self, number: str) -> bool:
        return self.can_change and number in self.substitutes

    def addable(self, row: dict) -> bool:
        return self.can_change and not self.member(row) and row.get("status") not in NO_WORK


def sheet_sample(user: dict, centre: str, sheet: dict, read_only: bool) -> SheetSample:
    """The sample of a submitted marksheet; before it is generated, or while sampling is down, the
    marksheet's own Sample column still shows, without reasons or controls."""
    if not sheet.get("submitted"):
        return SheetSample()
    try:
        sample = sampling_api().sample(user, centre, sheet["unit"]["id"])
    except SamplingRefused as refusal:
        if refusal.code != "SAMPLE_NOT_FOUND":
            current_app.logger.warning("sampling refused the marksheet's sample: %s", refusal.code)
        return SheetSample()
    except SamplingUnavailable as error:
        current_app.logger.error("sampling call failed: %s", error)
        return SheetSample()
    return SheetSample(members_of(sample), substitutes_of(sample), can_change=not (read_only or is_board_staff(user)),
                       known=True)


def refusal_message(refusal: SamplingRefused) -> str:
    known = REFUSALS.get(refusal.code)
    return str(known) if known else refusal.message or str(REFUSALS["SAMPLE_NOT_FOUND"])
