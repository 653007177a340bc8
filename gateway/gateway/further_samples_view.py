"""Request further samples, on the moderator's unit page: the submitted candidates not in the sample to tick, the
requests made so far, and the moderation service's answers in the person's words.

The guide: "If a moderator or WJEC representative contact the centre to request further samples the centre
should check the input screen to see which candidates have been identified as additional samples". The page
checks the ticks against the candidates it has just read, so a refusal can name the candidate; the service
checks again, and its refusal of a race (someone changed the sample meanwhile) is put in general words.
"""
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext, lazy_gettext as _l

from .moderation_client import ModerationClient, ModerationRefused, ModerationUnavailable
from .views.moderator_rows import local_time

MOST_AT_ONCE = 50
NONE_CHOSEN = _l("Choose at least one candidate to request as a further sample")
TOO_MANY = _l("Request at most 50 candidates at a time. Nothing was requested.")
UNAVAILABLE = _l("Further samples cannot be requested at the moment. Nothing was requested: try again in a few "
                 "minutes.")
# Why nothing can be requested yet; the page shows these in place of the candidates.
NOT_READY = {
    "NOT_SUBMITTED": _l("The centre's submitted marks have not reached moderation yet, so further samples cannot be "
                        "requested. Try again in a few minutes."),
    "SAMPLE_NOT_CHOSEN": _l("The sample for this unit has not been chosen yet, so further samples cannot be "
                            "requested. Try again in a few minutes."),
}
# The service's refusals of a request; the page's own checks name the candidate, these come of a race.
REFUSALS = {
    "NO_CANDIDATES": NONE_CHOSEN,
    "TOO_MANY": TOO_MANY,
    "ALREADY_IN_SAMPLE": _l("One of the candidates chosen is in the sample now. Nothing was requested: choose again."),
    "UNKNOWN_CANDIDATE": _l("One of the candidates chosen is not on the submitted marksheet. Nothing was requested: "
                            "choose again."),
    "NO_WORK": _l("One of the candidates chosen has no work to see. Nothing was requested: choose again."),
    **NOT_READY,
}


def moderation_api() -> ModerationClient:
    return current_app.extensions["iamis_moderation"]


@dataclass
class FurtherSamples:
    kind: str = "marks"
    rows: list[dict] = field(default_factory=list)  # the submitted candidates not in the sample
    requests: list[dict] = field(default_factory=list)
    message: str = ""  # why nothing can be requested now; empty when the form is offered
    status: int = 200  # with the message: the answer a request sent now gets
    names: dict = field(default_factory=dict)  # every submitted candidate's number -> name

    @property
    def requestable(self) -> set[str]:
        """Who may be asked for: every such candidate has a row (a POST reads the section again)."""
        return {row["number"] for row in self.rows if row["requestable"]}

    @property
    def choosable(self) -> bool:
        return any(row["requestable"] for row in self.rows)

    def refusal(self, chosen: list[str]) -> str | None:
        """The page's own check of the ticks, in words naming the candidate; None when the request may go."""
        if not chosen:
            return str(NONE_CHOSEN)
        if len(chosen) > MOST_AT_ONCE:
            return str(TOO_MANY)
        for number in chosen:
            if number not in self.names:
                return gettext("Candidate %(candidate)s is not on the submitted marksheet for this unit. Nothing "
                               "was requested.", candidate=number)
            if number not in self.requestable:
                return gettext("Candidate %(candidate)s is already in the sample or has no work to see. Nothing "
                               "was requested.", candidate=number)
        return None

    def confirmation(self, chosen: list[str]) -> str:
        return gettext("You have requested further samples: %(candidates)s. The centre will see them in its sample, "
                       "requested by the moderator.",
                       candidates=", ".join(f"{n} {self.names.get(n, '')}".strip() for n in chosen))


def further_samples(user: dict, centre: str, unit_id: str) -> FurtherSamples:
    """The section as the page shows it; while moderation cannot answer, a message in place of the form."""
    try:
        return _shown(moderation_api().unit_candidates(user, centre, unit_id))
    except ModerationRefused as refusal:
        if refusal.code not in NOT_READY:
            current_app.logger.warning("moderation refused the further samples of a unit: %s %s", refusal.status,
                                       refusal.code)
        if refusal.code in NOT_READY:
            return FurtherSamples(message=str(NOT_READY[refusal.code]), status=refusal.status)
        return FurtherSamples(message=str(UNAVAILABLE), status=503)
    except ModerationUnavailable as error:
        current_app.logger.error("moderation call failed: %s", error)
        return FurtherSamples(message=str(UNAVAILABLE), status=503)


def request_refusal(refusal: ModerationRefused) -> str:
    return str(REFUSALS.get(refusal.code, UNAVAILABLE))


def _shown(held: dict) -> FurtherSamples:
    kind = str((held.get("unit") or {}).get("kind") or "marks")
    candidates = [c for c in held["candidates"] if isinstance(c, dict)]
    return FurtherSamples(
        # A candidate the centre added is in the sample but may still be asked for: then the centre cannot take
        # them out again.
        kind=kind, rows=[_row(c, kind) for c in candidates if not c.get("in_sample") or c.get("requestable")],
        requests=[{"when": local_time(r.get("requested_at")), "by": str((r.get("requested_by") or {}).get("name") or ""),
                   "candidates": ", ".join(str(n) for n in r.get("candidate_numbers") or [])}
                  for r in held.get("requests") or []],
        names={str(c.get("candidate_number")): str(c.get("name") or "") for c in candidates})


def _row(candidate: dict, kind: str) -> dict:
    status = candidate.get("status")
    if status == "absent":
        shown = gettext("Absent")
    elif status == "carry_forward":
        shown = gettext("Carried forward")
    else:
        value = candidate.get("outcome") if kind == "outcomes" else candidate.get("total")
        shown = "" if value is None else str(value)
    return {"number": str(candidate.get("candidate_number", "")), "name": str(candidate.get("name") or ""),
            "mark": shown, "initials": str(candidate.get("initials") or ""),
            "requestable": bool(candidate.get("requestable")),
            "added_by_centre": candidate.get("in_sample") and candidate.get("reason") == "centre-added"}
