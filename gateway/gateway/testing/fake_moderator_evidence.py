"""An in-memory evidence service answering the read calls of the moderator's pages, at the HTTP level:
GET /allocated and GET /centres/<centre>/units/<unit_id>/evidence, with the contract's access rules
(board staff read every centre, a moderator only the centres allocated to them, another centre is 404)."""
from urllib.parse import unquote, urlsplit

import requests

from iamis_shared.tokens import TokenVerifier

from .fake_answer import FakeAnswer

NOT_FOUND = {"code": "UNIT_NOT_FOUND", "message": "There is no such unit."}


class FakeModeratorEvidence:
    def __init__(self, public_pem: bytes):
        self.verifier = TokenVerifier(public_pem, audience="evidence")
        self.units: dict[tuple[str, str], dict] = {}  # (centre, unit id) -> the unit's evidence answer
        self.allocations: set[tuple[str, str]] = set()  # (centre, moderator email)
        self.refusals: dict[tuple[str, str], tuple[int, str]] = {}  # (centre, unit id) -> (status, code)
        self.calls: list[tuple[str, str]] = []
        self.reachable = True

    def add_unit(self, centre: str, unit: dict, sample: list, files: list = (), note: dict | None = None) -> None:
        self.units[(centre, str(unit["unit_id"]))] = {
            "unit": dict({"submitted": True, "evidence_upload": True, "group_upload": False}, **unit),
            "sample": list(sample), "note": note, "files": list(files), "uploads": [],
            "can_upload": False, "can_delete": False}

    def request(self, method, url, headers=None, timeout=None, **_):
        if not self.reachable:
            raise requests.ConnectionError("evidence is down")
        path = urlsplit(url).path.removeprefix("/api/evidence/v1")
        self.calls.append((method, path))
        who = self.verifier.verify(headers["Authorization"].removeprefix("Bearer "))
        if method != "GET":
            return FakeAnswer(405, {"code": "METHOD_NOT_ALLOWED", "message": "Read only here."})
        if path == "/allocated":
            return FakeAnswer(200, {"centres": self._allocated(who)})
        parts = [unquote(p) for p in path.strip("/").split("/")]
        key = (parts[1], parts[3])
        if key not in self.units or not self._may_read(who, key[0]):
            return FakeAnswer(404, NOT_FOUND)
        if key in self.refusals:
            status, code = self.refusals[key]
            return FakeAnswer(status, {"code": code, "message": f"Refused: {code}"})
        return FakeAnswer(200, self.units[key])

    def _may_read(self, who, centre: str) -> bool:
        if who.account_type == "board_staff":
            return True
        if who.account_type == "moderator":
            return (centre, who.email.lower()) in self.allocations
        return centre in who.centres

    def _allocated(self, who) -> list[dict]:
        centres = sorted({c for c, _ in self.units} | {c for c, e in self.allocations if e == who.email.lower()})
        listed = []
        for centre in centres:
            if not self._may_read(who, centre) or who.account_type not in ("board_staff", "moderator"):
                continue
            units = [{"unit_id": int(u), "unit_code": e["unit"]["unit_code"], "unit_title": e["unit"]["unit_title"],
                      "series": e["unit"]["series"], "deadline": e["unit"]["deadline"], "files": len(e["files"])}
                     for (c, u), e in sorted(self.units.items()) if c == centre]
            listed.append({"centre": centre, "units": units})
        return listed
