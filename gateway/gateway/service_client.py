"""What the sampling, moderation and evidence clients share: a call to a service's API on behalf of the
signed-in user, with the service's 4xx codes raised as its Refused error and anything else outside the
contract as its Unavailable one."""
import requests

from iamis_shared.tokens import TokenIssuer

from .marks_client import _json_of


class ServiceRefused(Exception):
    """The service refused the call with one of its codes (a 4xx)."""
    service = "service"

    def __init__(self, status: int, code: str, message: str = ""):
        super().__init__(f"{self.service} refused: {status} {code}")
        self.status, self.code, self.message = status, code, message


class ServiceClient:
    service = ""                     # the token's audience and the name in error messages
    api_prefix = ""
    refused = ServiceRefused
    unavailable = Exception
    no_content_ok = False            # a 204 answers None rather than breaking the contract

    def __init__(self, base_url: str, issuer: TokenIssuer, http=None, timeout: float = 5):
        # `http` is anything with requests.Session's `request` method; the tests pass a fake API.
        self.base_url = base_url.rstrip("/")
        self.issuer, self.timeout = issuer, timeout
        self.http = http or requests.Session()

    def _call(self, user: dict, method: str, path: str, **sent) -> dict | None:
        token = self.issuer.issue(self.service, dict(user, kind="user"))
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            response = self.http.request(method, self.base_url + self.api_prefix + path, headers=headers,
                                         timeout=self.timeout, **sent)
        except requests.RequestException as exc:
            raise self.unavailable(f"{self.service} unreachable: {exc.__class__.__name__}") from exc
        payload = _json_of(response)
        code = payload.get("code") if isinstance(payload, dict) else None
        # A 401 means the service refused the token we minted: our fault, not the person's.
        if 400 <= response.status_code < 500 and response.status_code != 401 and isinstance(code, str):
            raise self.refused(response.status_code, code, payload.get("message", ""))
        if self.no_content_ok and response.status_code == 204:
            return None
        if response.status_code >= 300 or not isinstance(payload, dict):
            raise self.unavailable(f"{self.service} answered {response.status_code} to {method} {path}")
        return payload
