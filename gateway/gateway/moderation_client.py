"""The moderation service's API as the board's pages call it server-side: the moderator allocations."""
import requests

from iamis_shared.tokens import TokenIssuer

from .marks_client import _json_of

API_PREFIX = "/api/moderation/v1"


class ModerationRefused(Exception):
    """The moderation service refused the call with one of its codes (a 4xx)."""

    def __init__(self, status: int, code: str, message: str = ""):
        super().__init__(f"moderation refused: {status} {code}")
        self.status, self.code, self.message = status, code, message


class ModerationUnavailable(Exception):
    """The moderation service could not be reached, failed, or answered outside its contract."""


class ModerationClient:
    def __init__(self, base_url: str, issuer: TokenIssuer, http=None, timeout: float = 5):
        # `http` is anything with requests.Session's `request` method; the tests pass a fake moderation API.
        self.base_url = base_url.rstrip("/")
        self.issuer, self.timeout = issuer, timeout
        self.http = http or requests.Session()

    def allocations(self, user: dict) -> list[dict]:
        """[{id, centre, moderator_email, moderator_name, allocated_at, allocated_by}]"""
        allocations = self._call(user, "GET", "/allocations").get("allocations")
        if not isinstance(allocations, list):
            raise ModerationUnavailable("moderation answered /allocations without allocations")
        return allocations

    def allocate(self, user: dict, centre: str, moderator_email: str, moderator_name: str) -> dict:
        return self._call(user, "POST", "/allocations", json={
            "centre": centre, "moderator_email": moderator_email, "moderator_name": moderator_name})

    def _call(self, user: dict, method: str, path: str, **sent) -> dict:
        token = self.issuer.issue("moderation", dict(user, kind="user"))
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            response = self.http.request(method, self.base_url + API_PREFIX + path, headers=headers,
                                         timeout=self.timeout, **sent)
        except requests.RequestException as exc:
            raise ModerationUnavailable(f"moderation unreachable: {exc.__class__.__name__}") from exc
        payload = _json_of(response)
        code = payload.get("code") if isinstance(payload, dict) else None
        # A 401 means the service refused the token we minted: our fault, not the person's.
        if 400 <= response.status_code < 500 and response.status_code != 401 and isinstance(code, str):
            raise ModerationRefused(response.status_code, code, payload.get("message", ""))
        if response.status_code >= 300 or not isinstance(payload, dict):
            raise ModerationUnavailable(f"moderation answered {response.status_code} to {method} {path}")
        return payload
