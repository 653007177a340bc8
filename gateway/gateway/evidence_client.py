"""The evidence service's API as the pages call it server-side: a unit's files, deleting one, the note.

Uploads themselves go from the browser to the same API through nginx (static/evidence_upload.js)."""
import requests

from iamis_shared.tokens import TokenIssuer

from .marks_client import _json_of, _part

API_PREFIX = "/api/evidence/v1"


class EvidenceRefused(Exception):
    """The evidence service refused the call with one of the contract's codes (a 4xx)."""

    def __init__(self, status: int, code: str, message: str = ""):
        super().__init__(f"evidence refused: {status} {code}")
        self.status, self.code, self.message = status, code, message


class EvidenceUnavailable(Exception):
    """The evidence service could not be reached, failed, or answered outside its contract."""


class EvidenceClient:
    def __init__(self, base_url: str, issuer: TokenIssuer, http=None, timeout: float = 5):
        # `http` is anything with requests.Session's `request` method; the tests pass a fake evidence API.
        self.base_url = base_url.rstrip("/")
        self.issuer, self.timeout = issuer, timeout
        self.http = http or requests.Session()

    def listing(self, user: dict, centre: str, unit_id) -> dict:
        """The unit, its sample, note, files and unfinished uploads, and what this user may do."""
        return self._call(user, "GET", f"{_unit(centre, unit_id)}/evidence")

    def delete_file(self, user: dict, file_id: str) -> None:
        self._call(user, "DELETE", f"/files/{_part(file_id)}")

    def discard_upload(self, user: dict, upload_id: str) -> None:
        """Abandons an unfinished upload: the store drops its parts."""
        self._call(user, "DELETE", f"/uploads/{_part(upload_id)}")

    def save_note(self, user: dict, centre: str, unit_id, text: str) -> dict:
        return self._call(user, "PUT", f"{_unit(centre, unit_id)}/note", json={"text": text})

    def _call(self, user: dict, method: str, path: str, **sent) -> dict | None:
        token = self.issuer.issue("evidence", dict(user, kind="user"))
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            response = self.http.request(method, self.base_url + API_PREFIX + path, headers=headers,
                                         timeout=self.timeout, **sent)
        except requests.RequestException as exc:
            raise EvidenceUnavailable(f"evidence unreachable: {exc.__class__.__name__}") from exc
        payload = _json_of(response)
        code = payload.get("code") if isinstance(payload, dict) else None
        # A 401 means the service refused the token we minted: our fault, not the person's.
        if 400 <= response.status_code < 500 and response.status_code != 401 and isinstance(code, str):
            raise EvidenceRefused(response.status_code, code, payload.get("message", ""))
        if response.status_code == 204:
            return None
        if response.status_code >= 300 or not isinstance(payload, dict):
            raise EvidenceUnavailable(f"evidence answered {response.status_code} to {method} {path}")
        return payload


def _unit(centre: str, unit_id) -> str:
    return f"/centres/{_part(centre)}/units/{_part(unit_id)}"
