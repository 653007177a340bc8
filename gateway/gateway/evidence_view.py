"""Uploaded evidence as the marksheet shows it: who gets an Upload button, the files under it, the note."""
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app
from flask_babel import gettext

from .evidence_client import EvidenceClient, EvidenceRefused, EvidenceUnavailable
from .evidence_messages import PENDING, READERS, REFUSALS, UNAVAILABLE, refusal_message, why_not

# The evidence service answers these while it has not yet heard of the submission or its sample.
NOT_READY = ("NOT_SUBMITTED", "UNIT_NOT_FOUND")
KB = 1024


def evidence_api() -> EvidenceClient:
    return current_app.extensions["iamis_evidence"]


@dataclass
class SheetEvidence:
    upload_unit: bool = False      # the unit's sample is uploaded through IAMIS
    submitted: bool = False
    listing: dict | None = None    # the evidence service's answer, once it has one
    problem: str = ""              # why the files cannot be shown, in the person's language
    reason: str = ""               # why a centre's own staff cannot upload here (yet)
    members: set = field(default_factory=set)
    # Sampled candidates whose work the centre marked missing or incomplete -> their substitute's number
    missing: dict = field(default_factory=dict)

    @property
    def column(self) -> bool:
        return self.upload_unit and self.submitted

    @property
    def can_upload(self) -> bool:
        return bool(self.listing and self.listing.get("can_upload"))

    @property
    def can_delete(self) -> bool:
        return bool(self.listing and self.listing.get("can_delete"))

    @property
    def group_upload(self) -> bool:
        return bool(self.listing and (self.listing.get("unit") or {}).get("group_upload"))

    @property
    def note(self) -> dict | None:
        return (self.listing or {}).get("note")

    def uploadable(self, number: str) -> bool:
        return self.can_upload and _number(number) in self.members and _number(number) not in self.missing

    def missing_text(self, number: str) -> str:
        """Why a sampled candidate takes no upload: the guide says the incomplete work is not uploaded."""
        if _number(number) not in self.missing:
            return ""
        substitute = self.missing[_number(number)]
        if not substitute:
            return str(REFUSALS["WORK_MISSING"])
        return gettext("Work marked as missing or incomplete: upload the work of the substitute, %(candidate)s, "
                       "instead.", candidate=substitute)

    def waiting(self, number: str, in_sheet_sample: bool) -> bool:
        """In the sample the marksheet shows, but not yet in the one evidence knows (it follows a moment later)."""
        return self.can_upload and in_sheet_sample and _number(number) not in self.members

    def files_of(self, number: str | None) -> list[dict]:
        wanted = _number(number) if number else None
        return [file_view(f) for f in (self.listing or {}).get("files", ())
                if (_number(f["candidate_number"]) if f.get("candidate_number") else None) == wanted]

    def uploads_of(self, number: str | None) -> list[dict]:
        wanted = _number(number) if number else None
        return [u for u in (self.listing or {}).get("uploads", ())
                if (_number(u["candidate_number"]) if u.get("candidate_number") else None) == wanted]


def sheet_evidence(user: dict, centre: str, sheet: dict, read_only: bool = False) -> SheetEvidence:
    """What the marksheet shows of a unit's evidence; nothing for units not uploaded or in print."""
    unit = sheet["unit"]
    found = SheetEvidence(upload_unit=bool(unit.get("evidence_upload")) and not read_only,
                          submitted=bool(sheet.get("submitted")))
    if not found.column:
        return found
    try:
        found.listing = evidence_api().listing(user, centre, unit["id"])
    except EvidenceRefused as refusal:
        found.problem = str(PENDING) if refusal.code in NOT_READY else refusal_message(refusal)
        return found
    except EvidenceUnavailable as error:
        current_app.logger.error("evidence call failed: %s", error)
        found.problem = str(UNAVAILABLE)
        return found
    if not found.can_upload and user.get("account_type") not in READERS:
        found.reason = why_not(user, found.listing)
    sample = found.listing.get("sample", ())
    found.members = {_number(m["candidate_number"]) for m in sample}
    substitutes = {_number(m["substitute_for"]): str(m["candidate_number"]) for m in sample if m.get("substitute_for")}
    found.missing = {_number(m["candidate_number"]): substitutes.get(_number(m["candidate_number"]), "")
                     for m in sample if m.get("work_missing")}
    return found


def file_view(stored: dict) -> dict:
    return dict(stored, size_text=human_size(stored.get("size") or 0),
                uploaded_text=local_time(stored.get("uploaded_at")))


def human_size(size: int) -> str:
    """Bytes as people read them; KB, MB and GB are written the same in Welsh (static/evidence_upload.js
    writes them the same way)."""
    if size < KB:
        return gettext("%(size)s bytes", size=size)
    if size < KB ** 2:
        return f"{size / KB:.1f} KB"
    if size < KB ** 3:
        return f"{size / KB ** 2:.1f} MB"
    return f"{size / KB ** 3:.2f} GB"


def local_time(value) -> str:
    """An ISO time as the guide writes it, dd/mm/yyyy HH:MM, in the display time zone (Europe/London)."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    try:
        zone = ZoneInfo(current_app.config["DISPLAY_TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone).strftime("%d/%m/%Y %H:%M")


def _number(value) -> str:
    return str(value).zfill(4)
