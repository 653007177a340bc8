"""The identity service's sign-in and session API, as the contract describes it, seen from the gateway."""
from urllib.parse import quote

import requests
from flask import has_request_context, request

from iamis_shared.tokens import TokenIssuer

API_PREFIX = "/api/identity/v1"
SIGN_IN_FAILED = "SIGN_IN_FAILED"
ACCOUNT_LOCKED = "ACCOUNT_LOCKED"
CHALLENGE_EXPIRED = "CHALLENGE_EXPIRED"
SESSION_ENDED = "SESSION_ENDED"
SERVICE_CLAIMS = {"sub": "gateway", "kind": "service"}


class IdentityRefused(Exception):
    """Identity answered with one of the contract's refusals (a 4xx with a code)."""

    def __init__(self, status: int, code: str, details: dict | None = None):
        super().__init__(f"identity refused: {status} {code}")
        self.status, self.code, self.details = status, code, details or {}


class IdentityUnavailable(Exception):
    """Identity could not be reached, or answered with something the contract does not describe."""


class IdentityClient:
    def __init__(self, base_url: str, issuer: TokenIssuer, http=None, timeout: float = 5):
        # `http` is anything with requests.Session's `request` method; the tests pass a fake identity.
        self.base_url = base_url.rstrip("/")
        self.issuer, self.timeout = issuer, timeout
        self.http = http or requests.Session()

    def submit_password(self, email: str, password: str) -> dict:
        return self._call("POST", "/sign-in/password", {"email": email, "password": password})

    def submit_code(self, challenge: str, code: str) -> dict:
        return self._call("POST", "/sign-in/code", {"challenge": challenge, "code": code})

    def session_claims(self, session_id: str) -> dict:
        return self._call("GET", f"/sessions/{quote(session_id, safe='')}")["user"]

    def end_session(self, session_id: str) -> None:
        self._call("DELETE", f"/sessions/{quote(session_id, safe='')}")

    def _call(self, method: str, path: str, body: dict | None = None, user: dict | None = None,
              params: dict | None = None):
        """With `user` (the signed-in user's claims) the call carries their token, not the gateway's own."""
        claims = dict(user, kind="user") if user is not None else SERVICE_CLAIMS
        token = self.issuer.issue("identity", claims)
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json", **_browser_origin()}
        sent = {"params": params} if params else {}
        try:
            response = self.http.request(method, self.base_url + API_PREFIX + path, json=body,
                                         headers=headers, timeout=self.timeout, **sent)
        except requests.RequestException as exc:
            raise IdentityUnavailable(f"identity unreachable: {exc.__class__.__name__}") from exc
        payload = _json_of(response)
        if 400 <= response.status_code < 500 and isinstance(payload, dict) and payload.get("code"):
            raise IdentityRefused(response.status_code, payload["code"], payload.get("details"))
        # A list may be empty; an object without a field, or no JSON at all, is outside the contract.
        if response.status_code >= 300 or (response.status_code != 204 and payload in (None, {})):
            raise IdentityUnavailable(f"identity answered {response.status_code} to {method} {path}")
        return {} if payload is None else payload


def _browser_origin() -> dict:
    """Identity's audit log records where each sign-in and sign-out came from: the browser, not us."""
    if not has_request_context():
        return {}
    origin = {"User-Agent": request.user_agent.string or "unknown"}
    if request.remote_addr:
        origin["X-Forwarded-For"] = request.remote_addr
    return origin


def _json_of(response) -> dict | list | None:
    if response.status_code == 204 or not response.content:
        return None
    try:
        payload = response.json()
    except ValueError:
        return None
    return payload if isinstance(payload, (dict, list)) else None
