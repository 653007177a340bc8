"""An in-memory sampling service answering its API at the HTTP level, for the gateway's tests.

It reads and marks the candidates of a FakeMarks, as the real service's events make the marks service
tick the marksheet's Sample column."""
from urllib.parse import unquote, urlsplit

import requests

from iamis_shared.tokens import TokenVerifier

from . import fake_substitutes as substitutions
from .fake_answer import FakeAnswer
from .fake_marks import FakeMarks
from .fake_marksheet import Refusal

SYSTEM_REASONS = ("highest", "lowest", "spread", "teacher")


class FakeSampling:
    def __init__(self, public_pem: bytes, marks: FakeMarks):
        self.verifier = TokenVerifier(public_pem, audience="sampling")
        self.marks = marks
        self.samples: dict[tuple[str, str], dict[str, str]] = {}  # (unit id, centre) -> {number: reason}
        # (unit id, centre) -> {number whose work is missing: (its substitute, the note to the moderator)}
        self.substitutes: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
        self.calls: list[tuple[str, str, dict | None]] = []
        self.reachable = True

    def generate(self, unit: dict, centre: str, reasons: dict) -> None:
        """The sample the system chose, as after the marksheet_submitted event."""
        self.samples[(str(unit["id"]), centre)] = {str(n): r for n, r in reasons.items()}
        self._tick(str(unit["id"]), centre)

    def request(self, method, url, headers=None, timeout=None, json=None, **_):
        if not self.reachable:
            raise requests.ConnectionError("sampling is down")
        path = urlsplit(url).path.removeprefix("/api/sampling/v1")
        self.calls.append((method, path, json))
        who = self.verifier.verify(headers["Authorization"].removeprefix("Bearer "))
        parts = [unquote(p) for p in path.strip("/").split("/")]
        try:
            return self._route(who, method, parts, json or {})
        except Refusal as refusal:
            return FakeAnswer(refusal.status, {"code": refusal.code, "message": refusal.message})

    def _route(self, who, method, parts, body):
        centre, unit_id = parts[1], parts[3]
        key = (unit_id, centre)
        if key not in self.samples or not (who.account_type == "board_staff" or centre in who.centres):
            raise Refusal(404, "SAMPLE_NOT_FOUND", "There is no sample for this unit yet.")
        if method != "GET" and who.account_type == "board_staff":
            raise Refusal(403, "READ_ONLY", "Board staff can see samples but not change them.")
        members, substitutes = self.samples[key], self.substitutes.setdefault(key, {})
        if parts[-1] == "nearest":
            return FakeAnswer(200, substitutions.nearest(self.marks, unit_id, centre, members, substitutes, parts[-2]))
        if parts[-1] == "substitute" and method == "POST":
            substitutions.choose(self.marks, unit_id, centre, members, substitutes, parts[-2], body)
        elif parts[-1] == "substitute":
            substitutions.undo(members, substitutes, parts[-2])
        elif method == "POST":
            self._add(key, members, body.get("candidate_number", ""))
        elif method == "DELETE" and members.get(parts[-1]) == "substitute":
            substitutions.undo(members, substitutes, next(n for n, (c, _) in substitutes.items() if c == parts[-1]))
        elif method == "DELETE":
            self._remove(members, parts[-1])
        self._tick(*key)
        return FakeAnswer(201 if method == "POST" else 200, {"unit_id": int(unit_id), "centre": centre,
                                                             "candidates": substitutions.listed(members, substitutes)})

    def _add(self, key, members, number):
        state = self.marks.entries[key].get(number)
        if state is None:
            raise Refusal(404, "CANDIDATE_NOT_FOUND", "This candidate is not on the submitted marksheet.")
        if number in members:
            raise Refusal(409, "ALREADY_IN_SAMPLE", "This candidate is already in the sample.")
        if state["status"] in ("absent", "carry_forward"):
            raise Refusal(422, "NO_WORK_TO_SAMPLE", "Only candidates with a mark can be added to the sample.")
        members[number] = "centre-added"

    @staticmethod
    def _remove(members, number):
        if number not in members:
            raise Refusal(404, "NOT_IN_SAMPLE", "This candidate is not in the sample.")
        if members[number] in SYSTEM_REASONS:
            raise Refusal(409, "SYSTEM_CHOICE", "You cannot remove candidates chosen by the system")
        del members[number]

    def _tick(self, unit_id: str, centre: str) -> None:
        members = self.samples[(unit_id, centre)]
        for number, state in self.marks.entries.get((unit_id, centre), {}).items():
            state["sample"] = number in members
