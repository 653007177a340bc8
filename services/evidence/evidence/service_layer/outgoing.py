"""Domain events become outbox envelopes here, validated by the publisher's schema first."""
from iamis_shared.bus.envelope import Envelope, new_envelope

from ..domain.events import FileDeleted, FileUploaded
from ..entrypoints.event_schemas import FileDeletedSchema, FileUploadedSchema

SOURCE = "evidence"


def file_uploaded(event: FileUploaded) -> Envelope:
    data = {"file_id": event.file_id, "centre": event.centre, "unit_id": event.unit_id, "unit_code": event.unit_code,
            "candidate_number": event.candidate_number, "filename": event.filename, "size": event.size,
            "content_type": event.content_type, "checksum_sha256": event.checksum_sha256,
            "uploaded_by": {"user_id": event.uploaded_by_id, "name": event.uploaded_by_name},
            "uploaded_at": event.uploaded_at.isoformat()}
    return new_envelope("evidence.file_uploaded", SOURCE, data, FileUploadedSchema())


def file_deleted(event: FileDeleted) -> Envelope:
    data = {"file_id": event.file_id, "centre": event.centre, "unit_id": event.unit_id, "unit_code": event.unit_code,
            "candidate_number": event.candidate_number, "filename": event.filename,
            "deleted_by": {"user_id": event.deleted_by_id, "name": event.deleted_by_name},
            "deleted_at": event.deleted_at.isoformat()}
    return new_envelope("evidence.file_deleted", SOURCE, data, FileDeletedSchema())
