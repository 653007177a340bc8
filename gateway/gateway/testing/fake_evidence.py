"""An in-memory evidence service answering the calls the gateway's pages make, for the gateway's tests.

Its sample is the FakeSampling's, as the real service follows the sampling events."""
import uuid
from urllib.parse import unquote, urlsplit

import requests

from iamis_shared.tokens import TokenVerifier

from . import fake_substitutes as substitutions
from .fake_answer import FakeAnswer
from .fake_marksheet import Refusal
from .fake_sampling import FakeSampling

NOTE_LIMIT = 5000


class FakeEvidence:
    def __init__(self, public_pem: bytes, sampling: FakeSampling):
        self.verifier = TokenVerifier(public_pem, audience="evidence")
        self.sampling = sampling
        self.units: dict[tuple[str, str], dict] = {}  # (unit id, centre) -> the unit as evidence knows it
        self.calls: list[tuple[str, str, dict | None]] = []
        self.reachable = True

    def open_unit(self, unit: dict, centre: str, group_upload: bool = False, deadline: str = "2027-05-31",
                  deadline_passed: bool = False) -> dict:
        """The unit once evidence has heard of its submission (marks.marksheet_submitted)."""
        known = {"unit": {"unit_id": unit["id"], "unit_code": unit["code"], "unit_title": unit["title"],
                          "series": unit["series"]["name"], "deadline": deadline, "evidence_upload": True,
                          "group_upload": group_upload, "submitted": True},
                 "files": [], "uploads": [], "note": None, "deadline_passed": deadline_passed}
        self.units[(str(unit["id"]), centre)] = known
        return known

    def add_file(self, unit: dict, centre: str, candidate: str | None, filename: str, size: int,
                 uploaded_at: str = "2025-06-02T13:05:00+00:00") -> dict:
        file_id = str(uuid.uuid4())
        stored = {"file_id": file_id, "candidate_number": candidate, "filename": filename, "size": size,
                  "content_type": "application/octet-stream", "uploaded_at": uploaded_at,
                  "uploaded_by": "Gwen Teacher",
                  "download_url": f"/api/evidence/v1/files/{file_id}/download"}
        self.units[(str(unit["id"]), centre)]["files"].append(stored)
        return stored

    def add_upload(self, unit: dict, centre: str, candidate: str | None, filename: str, size: int,
                   last_modified: int = 1748870700000) -> dict:
        upload = {"upload_id": str(uuid.uuid4()), "key": f"evidence/{centre}/{unit['id']}/{uuid.uuid4()}",
                  "candidate_number": candidate, "filename": filename, "size": size,
                  "last_modified": last_modified, "part_size": 16 * 1024 * 1024,
                  "created_at": "2025-06-02T12:00:00+00:00"}
        self.units[(str(unit["id"]), centre)]["uploads"].append(upload)
        return upload

    def request(self, method, url, headers=None, timeout=None, json=None, **_):
        if not self.reachable:
            raise requests.ConnectionError("evidence is down")
        path = urlsplit(url).path.removeprefix("/api/evidence/v1")
        self.calls.append((method, path, json))
        who = self.verifier.verify(headers["Authorization"].removeprefix("Bearer "))
        parts = [unquote(p) for p in path.strip("/").split("/")]
        try:
            if parts[0] == "files":
                return self._delete_file(who, parts[1])
            if parts[0] == "uploads":
                return self._discard_upload(who, parts[1])
            return self._unit_route(who, method, parts[1], parts[3], parts[4], json or {})
        except Refusal as refusal:
            return FakeAnswer(refusal.status, {"code": refusal.code, "message": refusal.message})

    def _unit_route(self, who, method, centre, unit_id, what, body):
        known = self._readable(who, centre, unit_id)
        if what == "evidence":
            return FakeAnswer(200, self._listing(who, known, unit_id, centre))
        self._writer(who, centre)
        text = body.get("text", "")
        if len(text) > NOTE_LIMIT:
            raise Refusal(422, "NOTE_TOO_LONG", "The note is longer than 5000 characters.")
        known["note"] = {"text": text, "updated_at": "2025-06-02T14:30:00+00:00",
                         "updated_by": who.name} if text else None
        return FakeAnswer(200, known["note"] or {"text": "", "updated_at": None, "updated_by": None})

    def _delete_file(self, who, file_id):
        for (unit_id, centre), known in self.units.items():
            for stored in known["files"]:
                if stored["file_id"] == file_id and self._may_read(who, centre):
                    self._writer(who, centre)
                    if known["deadline_passed"]:
                        raise Refusal(409, "DEADLINE_PASSED", "The deadline has passed.")
                    known["files"].remove(stored)
                    return FakeAnswer(204)
        raise Refusal(404, "FILE_NOT_FOUND", "There is no such file.")

    def _discard_upload(self, who, upload_id):
        for (unit_id, centre), known in self.units.items():
            for upload in known["uploads"]:
                if upload["upload_id"] == upload_id and self._may_read(who, centre):
                    self._writer(who, centre)
                    known["uploads"].remove(upload)
                    return FakeAnswer(204)
        raise Refusal(404, "UPLOAD_NOT_FOUND", "There is no such upload.")

    def _readable(self, who, centre, unit_id) -> dict:
        known = self.units.get((unit_id, centre))
        if known is None or not self._may_read(who, centre):
            raise Refusal(404, "UNIT_NOT_FOUND", "There is no such unit.")
        return known

    @staticmethod
    def _may_read(who, centre) -> bool:
        return who.account_type == "board_staff" or centre in who.centres

    @staticmethod
    def _writer(who, centre):
        if who.account_type == "board_staff":
            raise Refusal(403, "READ_ONLY", "Board staff cannot change evidence.")
        if "iamis" not in who.permissions and who.account_type not in ("exams_officer", "admin"):
            raise Refusal(403, "PERMISSION_MISSING", "The IAMIS permission is missing.")

    def _listing(self, who, known, unit_id, centre) -> dict:
        key = (unit_id, centre)
        members = self.sampling.samples.get(key, {})
        writer = who.account_type != "board_staff"
        return {"unit": known["unit"], "note": known["note"], "files": list(known["files"]),
                "sample": substitutions.listed(members, self.sampling.substitutes.get(key, {})),
                "uploads": list(known["uploads"]) if writer else [],  # as the service: for those who may continue
                "can_upload": writer and key in self.sampling.samples,
                "can_delete": writer and not known["deadline_passed"]}
