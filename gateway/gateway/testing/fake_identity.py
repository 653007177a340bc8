"""An in-memory identity service that follows the gateway's contract at the HTTP level."""
import json
import uuid
from urllib.parse import urlsplit

import requests

from iamis_shared.tokens import TokenVerifier

ENROLMENT_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"
GOOD_CODE = "123456"


class FakeResponse:
    def __init__(self, status: int, body: dict | None = None):
        self.status_code, self._body = status, body
        self.content = json.dumps(body).encode() if body is not None else b""

    def json(self):
        return self._body


class FakeIdentity:
    """Identity's sign-in and session endpoints, in memory; `request` is requests.Session's signature."""

    def __init__(self, public_pem: bytes):
        self.verifier = TokenVerifier(public_pem, audience="identity")
        self.accounts, self.challenges, self.sessions, self.locked_until = {}, {}, {}, {}
        self.calls: list[tuple[str, str, dict | None]] = []
        self.origins: list[tuple[str | None, str | None]] = []
        self.reachable = True
        from .fake_centre_users import FakeCentreUsers  # it builds on this module's FakeResponse
        self.centre_users = FakeCentreUsers(self)

    def add_user(self, email, password="correct horse battery", mfa=True, **claims) -> dict:
        user = {"sub": str(uuid.uuid4()), "name": "Sam Jones", "email": email, "account_type": "user",
                "centres": ["68101"], "permissions": ["iamis"], "language": "en", **claims}
        self.accounts[email] = {"password": password, "mfa": mfa, "claims": user}
        return user

    def end_all_sessions(self):
        self.sessions.clear()

    def request(self, method, url, json=None, headers=None, timeout=None, params=None):
        if not self.reachable:
            raise requests.ConnectionError("identity is down")
        path = urlsplit(url).path.removeprefix("/api/identity/v1")
        self.calls.append((method, path, json))
        self.origins.append((headers.get("X-Forwarded-For"), headers.get("User-Agent")))
        principal = self.verifier.verify(headers["Authorization"].removeprefix("Bearer "))
        if path.startswith(("/centres/", "/invitations/")):
            return self.centre_users.handle(method, path, json, params or {}, principal)
        if principal.kind != "service" or principal.sub != "gateway":
            return FakeResponse(403, {"code": "FORBIDDEN", "message": "service token needed"})
        if (method, path) == ("POST", "/sign-in/password"):
            return self._password(json)
        if (method, path) == ("POST", "/sign-in/code"):
            return self._code(json)
        session_id = path.removeprefix("/sessions/")
        if session_id not in self.sessions:
            return FakeResponse(404, {"code": "SESSION_ENDED", "message": "Sign in again."})
        if method == "DELETE":
            del self.sessions[session_id]
            return FakeResponse(204)
        user = self.accounts[self.sessions[session_id]]["claims"]
        return FakeResponse(200, {"user": user, "expires_at": "2030-01-01T00:30:00+00:00"})

    def _password(self, body):
        email = body["email"]
        if email in self.locked_until:
            return FakeResponse(423, {"code": "ACCOUNT_LOCKED", "message": "Locked.",
                                      "details": {"locked_until": self.locked_until[email]}})
        account = self.accounts.get(email)
        if account is None or account["password"] != body["password"]:
            return FakeResponse(401, {"code": "SIGN_IN_FAILED", "message": "Not right."})
        challenge = uuid.uuid4().hex
        self.challenges[challenge] = email
        if account["mfa"]:
            return FakeResponse(200, {"outcome": "code_required", "challenge": challenge})
        return FakeResponse(200, {"outcome": "enrolment_required", "challenge": challenge,
                                  "secret": ENROLMENT_SECRET, "provisioning_uri":
                                  f"otpauth://totp/IAMIS:{email}?secret={ENROLMENT_SECRET}&issuer=IAMIS"})

    def _code(self, body):
        email = self.challenges.get(body["challenge"])
        if email is None:
            return FakeResponse(401, {"code": "CHALLENGE_EXPIRED", "message": "Start again."})
        if email in self.locked_until:
            return FakeResponse(423, {"code": "ACCOUNT_LOCKED", "message": "Locked.",
                                      "details": {"locked_until": self.locked_until[email]}})
        if body["code"] != GOOD_CODE:
            return FakeResponse(401, {"code": "SIGN_IN_FAILED", "message": "Not right."})
        del self.challenges[body["challenge"]]
        self.accounts[email].update(status="active", last_signed_in_at="2025-09-16T14:03:00+00:00")
        session_id = uuid.uuid4().hex
        self.sessions[session_id] = email
        return FakeResponse(200, {"session_id": session_id, "user": self.accounts[email]["claims"],
                                  "idle_timeout_seconds": 1800})
