"""Completing an upload: the parts are joined in the store once every check passes, and the file recorded.

A completion can be cut short after the store joined the parts (the store's answer timed out, the stat or
the commit failed). The browser's retry then finds the store's multipart upload gone: the object is kept and
recorded if it is there at the size declared and the checksum is the composite of the digests signed;
otherwise whatever is there is removed. A file that fails a check is removed and nothing is recorded. The file
takes the upload's id, so a completion sent again answers with the file it made.
"""
from datetime import datetime

from iamis_shared.errors import DomainError

from ..domain.access import Actor, check_write
from ..domain.errors import PartsMissing, SizeMismatch, StorageUnavailable, UploadNotFound
from ..domain.events import FileUploaded
from ..domain.files import EvidenceFile
from ..domain.units import check_upload_target
from ..domain.uploads import UploadSession
from .outgoing import file_uploaded

RETRYABLE = (PartsMissing, StorageUnavailable)  # parts still missing can be sent; a storage failure retried


def complete_upload(uow, store, actor: Actor, upload_id: str, claimed: dict[int, str], checksum: str,
                    now: datetime) -> EvidenceFile:
    """`claimed`: part number -> ETag, as the browser saw each part stored."""
    with uow:
        upload = uow.uploads.get(upload_id, for_update=True)
        if upload is None:
            return _completed_before(uow, actor, upload_id)
        check_write(actor, upload.centre, UploadNotFound)
        unit = uow.read_models.unit(upload.centre, upload.unit_id)
        try:
            check_upload_target(unit, uow.read_models.sample(upload.centre, upload.unit_id), upload.candidate_number)
            _join(store, upload, claimed, checksum)
        except DomainError as refused:
            if not isinstance(refused, RETRYABLE):
                store.discard(upload.key, upload.s3_upload_id)
                uow.uploads.remove(upload_id)
                uow.commit()
            raise
        file = EvidenceFile(id=upload.id, centre=upload.centre, unit_id=upload.unit_id,
                            candidate_number=upload.candidate_number, filename=upload.filename, size=upload.size,
                            content_type=upload.content_type, key=upload.key, checksum_sha256=checksum,
                            uploaded_by=actor.user_id, uploaded_by_name=actor.name, uploaded_at=now)
        if not uow.files.add(file):  # a completion at the same moment recorded it (SQLite locks no rows)
            return _completed_before(uow, actor, upload_id)
        uow.uploads.remove(upload_id)
        uow.publish(file_uploaded(FileUploaded(
            file.id, file.centre, file.unit_id, unit.unit_code, file.candidate_number, file.filename, file.size,
            file.content_type, file.checksum_sha256, actor.user_id, actor.name, now)))
        uow.commit()
    return file


def _join(store, upload: UploadSession, claimed: dict[int, str], checksum: str) -> None:
    """Join the parts; or, if the store no longer holds them apart, accept the object it joined them into."""
    stored = store.list_parts(upload.key, upload.s3_upload_id)
    if stored is not None and store.complete(upload.key, upload.s3_upload_id,
                                             upload.check_complete(stored, claimed, checksum)):
        if store.size_of(upload.key) != upload.size:
            raise SizeMismatch()
        return
    # Joined by a completion cut short after the store's part, or dropped (aborted, or joined and removed).
    size, etag = store.stat(upload.key) or (None, None)
    upload.check_joined(size, etag, checksum)


def _completed_before(uow, actor: Actor, upload_id: str) -> EvidenceFile:
    file = uow.files.get(upload_id)
    if file is None:
        raise UploadNotFound()
    check_write(actor, file.centre, UploadNotFound)
    return file
