"""The marks service's API (the marks contract), called by the pages on behalf of the signed-in user."""
from urllib.parse import quote

import requests

from iamis_shared.tokens import TokenIssuer

API_PREFIX = "/api/marks/v1"


class MarksRefused(Exception):
    """The marks service refused the call with one of the contract's codes (a 4xx)."""

    def __init__(self, status: int, code: str, message: str = "", details: dict | None = None):
        super().__init__(f"marks refused: {status} {code}")
        self.status, self.code, self.message, self.details = status, code, message, details or {}


class MarksUnavailable(Exception):
    """The marks service could not be reached, failed, or answered outside the contract."""


def _part(value) -> str:
    return quote(str(value), safe="")


class MarksClient:
    def __init__(self, base_url: str, issuer: TokenIssuer, http=None, timeout: float = 10):
        # `http` is anything with requests.Session's `request` method; the tests pass a fake marks API.
        self.base_url = base_url.rstrip("/")
        self.issuer, self.timeout = issuer, timeout
        self.http = http or requests.Session()

    # Centre side
    def units(self, user: dict, centre: str) -> dict:
        return self._call(user, "GET", f"/centres/{_part(centre)}/units")

    def marksheet(self, user: dict, centre: str, unit_id, options: dict) -> dict:
        return self._call(user, "GET", f"{_sheet(centre, unit_id)}/marksheet", params=options)

    def save(self, user: dict, centre: str, unit_id, candidate: str, field: str, value: str,
             previous: str) -> dict:
        return self._call(user, "PATCH", f"{_sheet(centre, unit_id)}/candidates/{_part(candidate)}",
                          json={"field": field, "value": value, "previous": previous})

    def import_marks(self, user: dict, centre: str, unit_id, upload) -> dict:
        return self._call(user, "POST", f"{_sheet(centre, unit_id)}/import", files=_file_part(upload))

    def export(self, user: dict, centre: str, unit_id):
        """The streamed CSV response; the caller reads `iter_content` and closes it."""
        return self._call(user, "GET", f"{_sheet(centre, unit_id)}/export.csv", stream=True)

    def submit(self, user: dict, centre: str, unit_id) -> dict:
        return self._call(user, "POST", f"{_sheet(centre, unit_id)}/submit")

    # Board side
    def series(self, user: dict) -> list:
        return _listed(self._call(user, "GET", "/series"), "series")

    def add_series(self, user: dict, name: str, results_day: str) -> dict:
        return self._call(user, "POST", "/series", json={"name": name, "results_day": results_day})

    def series_units(self, user: dict, series_id) -> list:
        return _listed(self._call(user, "GET", f"/series/{_part(series_id)}/units"), "units")

    def add_unit(self, user: dict, series_id, unit: dict) -> dict:
        return self._call(user, "POST", f"/series/{_part(series_id)}/units", json=unit)

    def unit(self, user: dict, unit_id) -> dict:
        return self._call(user, "GET", f"/units/{_part(unit_id)}")

    def load_entries(self, user: dict, unit_id, upload) -> dict:
        return self._call(user, "POST", f"/units/{_part(unit_id)}/entries", files=_file_part(upload))

    def unit_centres(self, user: dict, unit_id) -> list:
        return _listed(self._call(user, "GET", f"/units/{_part(unit_id)}/centres"), "centres")

    def _call(self, user: dict, method: str, path: str, stream: bool = False, **sent):
        token = self.issuer.issue("marks", dict(user, kind="user"))
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            response = self.http.request(method, self.base_url + API_PREFIX + path, headers=headers,
                                         timeout=self.timeout, stream=stream, **sent)
        except requests.RequestException as exc:
            raise MarksUnavailable(f"marks unreachable: {exc.__class__.__name__}") from exc
        if stream and response.status_code == 200:
            return response
        payload = _json_of(response)
        code = payload.get("code") if isinstance(payload, dict) else None
        # A 401 means the service refused the token we minted: our fault, not the person's.
        if 400 <= response.status_code < 500 and response.status_code != 401 and isinstance(code, str):
            raise MarksRefused(response.status_code, code, payload.get("message", ""),
                               payload.get("details") or {})
        if response.status_code >= 300 or payload is None:
            raise MarksUnavailable(f"marks answered {response.status_code} to {method} {path}")
        return payload


def _sheet(centre: str, unit_id) -> str:
    return f"/centres/{_part(centre)}/units/{_part(unit_id)}"


def _file_part(upload) -> dict:
    return {"file": (upload.filename or "upload.csv", upload.stream, upload.mimetype or "text/csv")}


def _listed(payload, key: str) -> list:
    """A list endpoint may answer with the list itself or wrap it in an object under `key`."""
    listed = payload.get(key) if isinstance(payload, dict) else payload
    if not isinstance(listed, list):
        raise MarksUnavailable(f"marks answered a list call without a list of {key}")
    return listed


def _json_of(response):
    if not response.content:
        return None
    try:
        payload = response.json()
    except ValueError:
        return None
    return payload if isinstance(payload, (dict, list)) else None
