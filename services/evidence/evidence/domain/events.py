"""What the evidence service tells the rest of the system, as plain past-tense facts."""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FileUploaded:
    file_id: str
    centre: str
    unit_id: int
    unit_code: str
    candidate_number: str | None
    filename: str
    size: int
    content_type: str
    checksum_sha256: str
    uploaded_by_id: str
    uploaded_by_name: str
    uploaded_at: datetime


@dataclass(frozen=True)
class FileDeleted:
    file_id: str
    centre: str
    unit_id: int
    unit_code: str
    candidate_number: str | None
    filename: str
    deleted_by_id: str
    deleted_by_name: str
    deleted_at: datetime
