"""The sampling service's API: a unit's sample at a centre, the candidates a centre adds or removes, and the
substitutes it names for missing or incomplete work."""
import requests

from iamis_shared.tokens import TokenIssuer

from .marks_client import _json_of, _part

API_PREFIX = "/api/sampling/v1"


class SamplingRefused(Exception):
    """The sampling service refused the call with one of its codes (a 4xx)."""

    def __init__(self, status: int, code: str, message: str = ""):
        super().__init__(f"sampling refused: {status} {code}")
        self.status, self.code, self.message = status, code, message


class SamplingUnavailable(Exception):
    """The sampling service could not be reached, failed, or answered outside its contract."""


class SamplingClient:
    def __init__(self, base_url: str, issuer: TokenIssuer, http=None, timeout: float = 5):
        # `http` is anything with requests.Session's `request` method; the tests pass a fake sampling API.
        self.base_url = base_url.rstrip("/")
        self.issuer, self.timeout = issuer, timeout
        self.http = http or requests.Session()

    def sample(self, user: dict, centre: str, unit_id) -> dict:
        return self._call(user, "GET", _sample(centre, unit_id))

    def add(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        return self._call(user, "POST", f"{_sample(centre, unit_id)}/candidates",
                          json={"candidate_number": candidate})

    def remove(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        return self._call(user, "DELETE", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}")

    def nearest(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        """{"candidate": {...}, "offered": [{candidate_number, name, total, outcome}, ...]}, highest first."""
        return self._call(user, "GET", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}/nearest")

    def substitute(self, user: dict, centre: str, unit_id, candidate: str, substitute: str, note: str) -> dict:
        return self._call(user, "POST", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}/substitute",
                          json={"substitute": substitute, "note_to_moderator": note})

    def undo_substitute(self, user: dict, centre: str, unit_id, candidate: str) -> dict:
        return self._call(user, "DELETE", f"{_sample(centre, unit_id)}/candidates/{_part(candidate)}/substitute")

    def _call(self, user: dict, method: str, path: str, **sent) -> dict:
        token = self.issuer.issue("sampling", dict(user, kind="user"))
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            response = self.http.request(method, self.base_url + API_PREFIX + path, headers=headers,
                                         timeout=self.timeout, **sent)
        except requests.RequestException as exc:
            raise SamplingUnavailable(f"sampling unreachable: {exc.__class__.__name__}") from exc
        payload = _json_of(response)
        code = payload.get("code") if isinstance(payload, dict) else None
        # A 401 means the service refused the token we minted: our fault, not the person's.
        if 400 <= response.status_code < 500 and response.status_code != 401 and isinstance(code, str):
            raise SamplingRefused(response.status_code, code, payload.get("message", ""))
        if response.status_code >= 300 or not isinstance(payload, dict):
            raise SamplingUnavailable(f"sampling answered {response.status_code} to {method} {path}")
        return payload


def _sample(centre: str, unit_id) -> str:
    return f"/centres/{_part(centre)}/units/{_part(unit_id)}/sample"


def members_of(sample: dict) -> dict[str, str]:
    """{candidate number: reason} of a sample as the API lists it (under "candidates")."""
    return {str(m["candidate_number"]): str(m.get("reason", "")) for m in _listed(sample)}


def substitutes_of(sample: dict) -> dict[str, str]:
    """{number of the candidate whose work is missing: number of its substitute}."""
    return {str(m["substitute_for"]): str(m["candidate_number"]) for m in _listed(sample) if m.get("substitute_for")}


def _listed(sample: dict) -> list[dict]:
    listed = sample.get("candidates", sample.get("members")) or []
    return [m for m in listed if isinstance(m, dict) and "candidate_number" in m]
