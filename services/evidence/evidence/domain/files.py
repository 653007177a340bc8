"""Files kept as evidence for a unit's sample, and the centre's explanatory note to the moderator."""
from dataclasses import dataclass
from datetime import datetime

from .errors import NoteTooLong
from .text import readable_text

NOTE_MAX_CHARS = 5000


@dataclass(frozen=True)
class EvidenceFile:
    id: str
    centre: str
    unit_id: int
    candidate_number: str | None  # None: a file of the unit's group upload
    filename: str  # as the browser gave it; shown and offered on download only
    size: int
    content_type: str
    key: str  # evidence/<centre>/<unit_id>/<uuid4>: never derived from the filename
    checksum_sha256: str  # the composite checksum, "<base64>-<parts>"
    uploaded_by: str
    uploaded_by_name: str
    uploaded_at: datetime


@dataclass(frozen=True)
class ModeratorNote:
    centre: str
    unit_id: int
    text: str
    updated_at: datetime
    updated_by: str
    updated_by_name: str


def note_text(text: str) -> str:
    """The text as written (less what readable_text removes); an empty (or blank) note clears the note."""
    text = readable_text(text)
    if len(text) > NOTE_MAX_CHARS:
        raise NoteTooLong()
    return text if text.strip() else ""
