"""The fake moderation service of gateway.testing, answering also the further-samples calls of the moderator's
unit page at the HTTP level, with the contract's rules: board staff at any centre, a moderator only at the
centres allocated to them (another centre's unit is 404), anyone else 403; a candidate may be asked for when
submitted with work and not in the sample, or added by the centre."""
import re
from datetime import datetime, timezone
from urllib.parse import unquote, urlsplit

from .fake_answer import FakeAnswer
from .fake_moderation import FakeModeration

UNIT = re.compile(r"^/centres/([^/]+)/units/([^/]+)/(candidates|further-samples)$")
REFUSALS = {
    "NOT_ALLOCATED": (403, "Only the moderator allocated to the centre, or board staff, can request further samples."),
    "UNIT_NOT_FOUND": (404, "There is no such unit at a centre allocated to you."),
    "NOT_SUBMITTED": (409, "The centre has not submitted the marks for this unit yet."),
    "SAMPLE_NOT_CHOSEN": (409, "The sample for this unit has not been chosen yet."),
    "ALREADY_IN_SAMPLE": (409, "Candidate is already in the sample."),
    "NO_CANDIDATES": (422, "Choose at least one candidate to request as a further sample."),
    "TOO_MANY": (422, "Request at most 50 candidates at a time."),
    "UNKNOWN_CANDIDATE": (422, "Candidate is not on the submitted marksheet for this unit."),
    "NO_WORK": (422, "Candidate has no work to see."),
}


class FakeFurtherSamples(FakeModeration):
    def __init__(self, public_pem: bytes):
        super().__init__(public_pem)
        self.units: dict[tuple[str, str], dict] = {}  # (centre, unit id) -> {"unit", "candidates", "requests"}
        self.refusals: dict[tuple[str, str], str] = {}  # (centre, unit id) -> the code every call is refused with

    def add_unit(self, centre: str, unit: dict, candidates: list[dict]) -> None:
        self.units[(centre, str(unit["unit_id"]))] = {"unit": dict(unit), "candidates": [dict(c) for c in candidates],
                                                      "requests": []}

    def request(self, method, url, headers=None, timeout=None, json=None, **kwargs):
        found = UNIT.match(urlsplit(url).path.removeprefix("/api/moderation/v1"))
        if not found or not self.reachable:
            return super().request(method, url, headers=headers, timeout=timeout, json=json, **kwargs)
        centre, unit_id, what = (unquote(p) for p in found.groups())
        self.calls.append((method, f"/centres/{centre}/units/{unit_id}/{what}", json))
        who = self.verifier.verify(headers["Authorization"].removeprefix("Bearer "))
        key = (centre, unit_id)
        code = self._access(who, centre) or self.refusals.get(key) or (None if key in self.units else "NOT_SUBMITTED")
        if code is None and method == "POST":
            code, self.refuse_next = self.refuse_next or self._check(self.units[key], (json or {}).get(
                "candidate_numbers") or []), None
        if code:
            status, message = REFUSALS[code]
            return FakeAnswer(status, {"code": code, "message": message})
        held = self.units[key]
        if method == "GET":
            return FakeAnswer(200, held)
        made = {"request_id": f"r-{len(held['requests']) + 1}", "centre": centre, "unit_id": int(unit_id),
                "candidate_numbers": list(json["candidate_numbers"]), "requested_by": {"user_id": who.sub,
                                                                                      "name": who.name},
                "requested_at": datetime.now(timezone.utc).isoformat()}
        held["requests"].append(made)
        for candidate in held["candidates"]:
            if candidate["candidate_number"] in made["candidate_numbers"]:
                candidate.update(in_sample=True, reason="moderator-requested", requestable=False)
        return FakeAnswer(201, made)

    def _access(self, who, centre: str) -> str | None:
        if who.account_type == "board_staff":
            return None
        if who.account_type == "moderator":
            mine = any((a["centre"], a["moderator_email"]) == (centre, who.email.lower()) for a in self.allocations)
            return None if mine else "UNIT_NOT_FOUND"
        return "NOT_ALLOCATED"

    @staticmethod
    def _check(held: dict, numbers: list) -> str | None:
        if not numbers:
            return "NO_CANDIDATES"
        if len(numbers) > 50:
            return "TOO_MANY"
        candidates = {c["candidate_number"]: c for c in held["candidates"]}
        for number in numbers:
            if number not in candidates:
                return "UNKNOWN_CANDIDATE"
            if candidates[number]["status"] != "marked":
                return "NO_WORK"
            if not candidates[number]["requestable"]:
                return "ALREADY_IN_SAMPLE"
        return None
