"""The evidence service's API as the pages call it server-side: a unit's files, deleting one, the note.

Uploads themselves go from the browser to the same API through nginx (static/evidence_upload.js)."""
from .marks_client import _part, _sheet
from .service_client import ServiceClient, ServiceRefused

API_PREFIX = "/api/evidence/v1"


class EvidenceRefused(ServiceRefused):
    """The evidence service refused the call with one of the contract's codes (a 4xx)."""
    service = "evidence"


class EvidenceUnavailable(Exception):
    """The evidence service could not be reached, failed, or answered outside its contract."""


class EvidenceClient(ServiceClient):
    service, api_prefix, refused, unavailable = "evidence", API_PREFIX, EvidenceRefused, EvidenceUnavailable
    no_content_ok = True  # deleting a file or an unfinished upload answers 204

    def listing(self, user: dict, centre: str, unit_id) -> dict:
        """The unit, its sample, note, files and unfinished uploads, and what this user may do."""
        return self._call(user, "GET", f"{_sheet(centre, unit_id)}/evidence")

    def delete_file(self, user: dict, file_id: str) -> None:
        self._call(user, "DELETE", f"/files/{_part(file_id)}")

    def discard_upload(self, user: dict, upload_id: str) -> None:
        """Abandons an unfinished upload: the store drops its parts."""
        self._call(user, "DELETE", f"/uploads/{_part(upload_id)}")

    def allocated(self, user: dict) -> list[dict]:
        """The moderator's (board staff: every) centres with their submitted upload units:
        [{centre, units: [{unit_id, unit_code, unit_title, series, deadline, files}]}]"""
        centres = self._call(user, "GET", "/allocated").get("centres")
        if not isinstance(centres, list):
            raise EvidenceUnavailable("evidence answered /allocated without centres")
        return centres

    def save_note(self, user: dict, centre: str, unit_id, text: str) -> dict:
        return self._call(user, "PUT", f"{_sheet(centre, unit_id)}/note", json={"text": text})
