"""Uploading a file: start, sign each part, list what is stored (to resume) or cancel; completion.py completes.

The bytes go from the browser to the object store; the service only signs, checks and records.
"""
import uuid
from dataclasses import dataclass
from datetime import datetime

from ..domain.access import Actor, check_write
from ..domain.errors import ChecksumMismatch, UploadNotFound
from ..domain.units import check_upload_target
from ..domain.uploads import StoredPart, UploadSession, check_size, clean_content_type, clean_filename


@dataclass(frozen=True)
class Origin:
    """The host (and scheme) the browser uses: presigned URLs are signed for it."""
    host: str
    secure: bool = False


@dataclass(frozen=True)
class NewUpload:
    candidate_number: str | None
    filename: str
    size: int
    content_type: str | None = None
    last_modified: int | None = None


def start_upload(uow, store, actor: Actor, centre: str, unit_id: int, new: NewUpload, now: datetime) -> UploadSession:
    check_write(actor, centre)
    with uow:
        check_upload_target(uow.read_models.unit(centre, unit_id), uow.read_models.sample(centre, unit_id),
                            new.candidate_number)
    filename = clean_filename(new.filename)
    check_size(new.size)
    content_type = clean_content_type(new.content_type)
    key = f"evidence/{centre}/{unit_id}/{uuid.uuid4()}"  # never the filename
    s3_upload_id = store.create_upload(key, content_type)
    upload = UploadSession(id=str(uuid.uuid4()), centre=centre, unit_id=unit_id, candidate_number=new.candidate_number,
                           filename=filename, size=new.size, content_type=content_type,
                           last_modified=new.last_modified, key=key, s3_upload_id=s3_upload_id,
                           created_by=actor.user_id, created_by_name=actor.name, created_at=now)
    try:
        with uow:
            uow.uploads.add(upload)
            uow.commit()
    except Exception:
        store.abort(key, upload.s3_upload_id)
        raise
    return upload


def sign_part(uow, store, actor: Actor, upload_id: str, part_number: int, sha256: str, md5: str, origin: Origin,
              now: datetime) -> str:
    """The URL for one part's PUT; the digests it is signed with are recorded for the completion's checks,
    and signing counts as activity (an upload being resumed is not abandoned)."""
    with uow:
        upload = _writable(uow, actor, upload_id)
        if upload.check_digest(part_number, sha256, md5) and not uow.uploads.record_digests(upload_id, part_number,
                                                                                            sha256, md5):
            signed = uow.uploads.digests(upload_id, part_number)
            if signed is None:  # completed or cancelled meanwhile
                raise UploadNotFound()
            if signed != (sha256, md5):  # another request signed it first
                raise ChecksumMismatch()
        uow.uploads.touch(upload_id, now)
        uow.commit()
    return store.part_url(origin.host, origin.secure, upload.key, upload.s3_upload_id, part_number)


def stored_parts(uow, store, actor: Actor, upload_id: str) -> list[dict]:
    """What the store holds of the upload, each part with the digest it was signed with: to resume."""
    with uow:
        upload = _writable(uow, actor, upload_id)
    stored = store.list_parts(upload.key, upload.s3_upload_id)
    if stored is None:
        stored = _joined_before(uow, store, upload)
    return [{"part_number": p.part_number, "size": p.size, "etag": p.etag,
             "sha256": upload.digests.get(p.part_number)} for p in stored]


def abort_upload(uow, store, actor: Actor, upload_id: str) -> None:
    with uow:
        upload = _writable(uow, actor, upload_id, for_update=True)
        store.discard(upload.key, upload.s3_upload_id)
        uow.uploads.remove(upload_id)
        uow.commit()


def _joined_before(uow, store, upload: UploadSession) -> list[StoredPart]:
    """The store no longer holds the parts apart. If a completion cut short joined them, the object is there
    at the size declared: every part counts as stored, so the browser completes again and the file is
    recorded. Otherwise the upload is gone, and so is anything it left."""
    parts = upload.signed_parts()
    if parts is not None and store.size_of(upload.key) == upload.size:
        return parts
    store.discard(upload.key, upload.s3_upload_id)
    _forget(uow, upload.id)
    raise UploadNotFound()


def _writable(uow, actor: Actor, upload_id: str, for_update: bool = False) -> UploadSession:
    upload = uow.uploads.get(upload_id, for_update=for_update)
    if upload is None:
        raise UploadNotFound()
    check_write(actor, upload.centre, UploadNotFound)
    return upload


def _forget(uow, upload_id: str) -> None:
    with uow:
        uow.uploads.remove(upload_id)
        uow.commit()
