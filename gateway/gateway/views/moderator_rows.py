"""A unit's evidence as the moderator reads it: each sampled candidate with the reason they are in, whether
the centre marked their work missing (with its note) or sent them as a substitute, and their files; then
files of candidates no longer in the sample, and the group's files."""
from dataclasses import dataclass, field
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from babel.units import format_unit
from flask import current_app
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l

from ..moderator_evidence_client import download_link
from ..sample_view import IN_SAMPLE, REASONS

NOT_IN_SAMPLE = _l("Not in the sample now")
UNITS = ((1024 ** 3, "digital-gigabyte"), (1024 ** 2, "digital-megabyte"), (1024, "digital-kilobyte"))


@dataclass
class CandidateRow:
    candidate_number: str
    reason: str
    files: list = field(default_factory=list)
    work_missing: bool = False
    note_to_moderator: str = ""  # the centre's reason the work is missing or incomplete


def file_size(size) -> str:
    """Bytes as a person reads them: "2.4 MB", "512 bytes" (Welsh: "512 beit")."""
    try:
        size = int(size or 0)
    except (TypeError, ValueError):
        return ""
    locale = str(get_locale() or "en")
    for bound, unit in UNITS:
        if size >= bound:
            return format_unit(size / bound, unit, length="short", format="#,##0.#", locale=locale)
    return format_unit(size, "digital-byte", length="long", locale=locale)


def local_time(value) -> str:
    """An ISO moment as the guide writes it, dd/mm/yyyy HH:MM, in the display time zone."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(ZoneInfo(current_app.config["DISPLAY_TIMEZONE"])).strftime("%d/%m/%Y %H:%M")


def person(value) -> str:
    """Who did something, as the evidence service names them: a name, or {user_id, name}."""
    return str(value.get("name") or "") if isinstance(value, dict) else str(value or "")


def shown_file(file: dict) -> dict:
    return dict(file, link=download_link(file), size_text=file_size(file.get("size")),
                uploaded_text=local_time(file.get("uploaded_at")))


def candidate_rows(evidence: dict) -> list[CandidateRow]:
    files_of: dict[str, list] = {}
    for file in evidence.get("files") or []:
        if file.get("candidate_number"):
            files_of.setdefault(str(file["candidate_number"]), []).append(shown_file(file))
    rows = []
    for member in evidence.get("sample") or []:
        number = str(member.get("candidate_number", ""))
        replaced = member.get("substitute_for")
        reason = gettext("Substitute for %(candidate)s", candidate=replaced) if replaced \
            else str(REASONS.get(member.get("reason"), IN_SAMPLE))
        rows.append(CandidateRow(number, reason, files_of.pop(number, []), bool(member.get("work_missing")),
                                 str(member.get("note_to_moderator") or "")))
    # Uploaded for a candidate the centre has since taken out of the sample: still the centre's evidence.
    rows += [CandidateRow(number, str(NOT_IN_SAMPLE), files) for number, files in sorted(files_of.items())]
    return rows


def group_files(evidence: dict) -> list[dict]:
    return [shown_file(f) for f in evidence.get("files") or [] if not f.get("candidate_number")]
