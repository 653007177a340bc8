"""The sample as the marksheet shows it: why each candidate is in, and who may add or remove candidates."""
import re
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import lazy_gettext as _l

from .marks_access import is_board_staff
from .sampling_client import SamplingClient, SamplingRefused, SamplingUnavailable, members_of

CENTRE_ADDED = "centre-added"
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
}
UNAVAILABLE = _l("The sample cannot be changed at the moment. Nothing was changed: try again in a few "
                           "minutes.")
BAD_NUMBER = _l("Choose a candidate on the marksheet: the candidate number is up to four digits.")


def sampling_api() -> SamplingClient:
    return current_app.extensions["iamis_sampling"]


@dataclass
class SheetSample:
    reasons: dict = field(default_factory=dict)  # candidate number -> reason
    can_change: bool = False
    # Whether the sampling service answered: then it decides who is in, since the marksheet's own
    # Sample column follows it a moment later (through the bus).
    known: bool = False

    def member(self, row: dict) -> bool:
        return row["candidate_number"] in self.reasons if self.known else bool(row.get("sample"))

    def reason_text(self, number: str) -> str:
        reason = self.reasons.get(number)
        return str(REASONS.get(reason, IN_SAMPLE)) if reason else ""

    def removable(self, number: str) -> bool:
        return self.can_change and self.reasons.get(number) == CENTRE_ADDED

    def addable(self, row: dict) -> bool:
        return self.can_change and not self.member(row) and row.get("status") not in NO_WORK


def sheet_sample(user: dict, centre: str, sheet: dict, read_only: bool) -> SheetSample:
    """The sample of a submitted marksheet; before it is generated, or while sampling is down, the
    marksheet's own Sample column still shows, without reasons or controls."""
    if not sheet.get("submitted"):
        return SheetSample()
    try:
        reasons = members_of(sampling_api().sample(user, centre, sheet["unit"]["id"]))
    except SamplingRefused as refusal:
        if refusal.code != "SAMPLE_NOT_FOUND":
            current_app.logger.warning("sampling refused the marksheet's sample: %s", refusal.code)
        return SheetSample()
    except SamplingUnavailable as error:
        current_app.logger.error("sampling call failed: %s", error)
        return SheetSample()
    return SheetSample(reasons, can_change=not (read_only or is_board_staff(user)), known=True)


def refusal_message(refusal: SamplingRefused) -> str:
    known = REFUSALS.get(refusal.code)
    return str(known) if known else refusal.message or str(REFUSALS["SAMPLE_NOT_FOUND"])
