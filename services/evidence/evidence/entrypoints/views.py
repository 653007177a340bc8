"""Domain objects as the API's JSON shapes (the schemas in schemas.py document and dump them)."""
from ..domain.files import EvidenceFile, ModeratorNote
from ..domain.units import SubmittedUnit
from ..domain.uploads import UploadSession

API = "/api/evidence/v1"


def file_view(file: EvidenceFile) -> dict:
    return {"file_id": file.id, "candidate_number": file.candidate_number, "filename": file.filename,
            "size": file.size, "content_type": file.content_type, "uploaded_at": file.uploaded_at,
            "uploaded_by": file.uploaded_by_name, "download_url": f"{API}/files/{file.id}/download"}


def note_view(note: ModeratorNote | None) -> dict | None:
    if note is None:
        return None
    return {"text": note.text, "updated_at": note.updated_at, "updated_by": note.updated_by_name}


def unit_view(unit: SubmittedUnit) -> dict:
    return {"unit_id": unit.unit_id, "unit_code": unit.unit_code, "unit_title": unit.unit_title,
            "series": unit.series, "deadline": unit.deadline, "evidence_upload": unit.evidence_upload,
            "group_upload": unit.group_upload, "submitted": True}


def upload_view(upload: UploadSession) -> dict:
    return {"upload_id": upload.id, "key": upload.key, "candidate_number": upload.candidate_number,
            "filename": upload.filename, "size": upload.size, "last_modified": upload.last_modified,
            "part_size": upload.part_size, "created_at": upload.created_at}


def evidence_view(held: dict) -> dict:
    return {"unit": unit_view(held["unit"]),
            "sample": [{"candidate_number": m.candidate_number, "reason": m.reason, "work_missing": m.work_missing,
                        "substitute_for": m.substitute_for, "note_to_moderator": m.note_to_moderator}
                       for m in held["sample"]],
            "note": note_view(held["note"]), "files": [file_view(f) for f in held["files"]],
            "uploads": [upload_view(u) for u in held["uploads"]], "can_upload": held["can_upload"],
            "can_delete": held["can_delete"]}


def allocated_view(centres: list[dict]) -> dict:
    return {"centres": [{"centre": c["centre"], "units": [dict(unit_view(u["unit"]), files=u["files"])
                                                          for u in c["units"]]} for c in centres]}
