"""An in-memory moderation service answering the allocation calls of the board's pages, at the HTTP level,
with the contract's rules: only board staff allocate; board staff list every allocation, a moderator their own."""
import re
from datetime import datetime, timezone
from urllib.parse import urlsplit

import requests

from iamis_shared.tokens import TokenVerifier

from .fake_answer import FakeAnswer

REFUSALS = {
    "BOARD_STAFF_ONLY": (403, "Only board staff can allocate moderators."),
    "FORBIDDEN": (403, "Only board staff and moderators can see moderator allocations."),
    "CENTRE_NUMBER_INVALID": (422, "Enter a centre number of 5 digits, like 68101."),
    "MODERATOR_EMAIL_INVALID": (422, "Enter the moderator's email address, like name@example.com."),
    "MODERATOR_NAME_REQUIRED": (422, "Enter the moderator's name, up to 200 characters."),
    "ALREADY_ALLOCATED": (409, "This moderator is already allocated to this centre."),
}


class FakeModeration:
    def __init__(self, public_pem: bytes):
        self.verifier = TokenVerifier(public_pem, audience="moderation")
        self.allocations: list[dict] = []
        self.refuse_next: str | None = None  # a code the next allocation is refused with, whatever it holds
        self.calls: list[tuple[str, str, dict | None]] = []
        self.reachable = True

    def add(self, centre: str, email: str, name: str, at: str = "2026-03-02T10:00:00+00:00", by: str = "demo"):
        allocation = {"id": f"a-{len(self.allocations) + 1}", "centre": centre, "moderator_email": email.lower(),
                      "moderator_name": name, "allocated_at": at, "allocated_by": by}
        self.allocations.append(allocation)
        return allocation

    def request(self, method, url, headers=None, timeout=None, json=None, **_):
        if not self.reachable:
            raise requests.ConnectionError("moderation is down")
        path = urlsplit(url).path.removeprefix("/api/moderation/v1")
        self.calls.append((method, path, json))
        who = self.verifier.verify(headers["Authorization"].removeprefix("Bearer "))
        if path != "/allocations":
            return FakeAnswer(404, {"code": "NOT_FOUND", "message": "Not Found"})
        if method == "GET":
            return self._list(who)
        return self._allocate(who, json or {})

    def _list(self, who):
        if who.account_type == "board_staff":
            return FakeAnswer(200, {"allocations": self.allocations})
        if who.account_type == "moderator":
            own = [a for a in self.allocations if a["moderator_email"] == who.email.lower()]
            return FakeAnswer(200, {"allocations": own})
        return _refused("FORBIDDEN")

    def _allocate(self, who, body):
        code, self.refuse_next = self.refuse_next, None
        centre, email = str(body.get("centre", "")), str(body.get("moderator_email", "")).strip().lower()
        name = str(body.get("moderator_name", "")).strip()
        if code is None and who.account_type != "board_staff":
            code = "BOARD_STAFF_ONLY"
        elif code is None and not re.fullmatch(r"[0-9]{5}", centre):
            code = "CENTRE_NUMBER_INVALID"
        elif code is None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            code = "MODERATOR_EMAIL_INVALID"
        elif code is None and not 0 < len(name) <= 200:
            code = "MODERATOR_NAME_REQUIRED"
        elif code is None and any((a["centre"], a["moderator_email"]) == (centre, email) for a in self.allocations):
            code = "ALREADY_ALLOCATED"
        if code:
            return _refused(code)
        made = self.add(centre, email, name, datetime.now(timezone.utc).isoformat(), who.sub)
        return FakeAnswer(201, made)


def _refused(code: str) -> FakeAnswer:
    status, message = REFUSALS[code]
    return FakeAnswer(status, {"code": code, "message": message})
