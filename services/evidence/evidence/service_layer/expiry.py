"""Abandoned uploads: a session with no part signed for UPLOAD_EXPIRY_DAYS has its parts removed from the
object store (which otherwise keeps them, unseen, for ever) and is no longer offered to resume."""
from datetime import datetime, timedelta

from ..domain.uploads import expired_before

BATCH = 20


def remove_abandoned_uploads(uow, store, now: datetime, keep_for: timedelta, batch: int = BATCH) -> int:
    """How many were removed. The store's upload is aborted (and an object its parts were joined into but
    never recorded removed) before the session goes: if the store fails, the batch stays for the next run, and
    aborting an upload the store no longer knows changes nothing."""
    removed = 0
    while True:
        with uow:
            abandoned = uow.uploads.abandoned(expired_before(now, keep_for), batch)
            for upload in abandoned:
                store.discard(upload.key, upload.s3_upload_id)
                uow.uploads.remove(upload.id)
            uow.commit()
        removed += len(abandoned)
        if len(abandoned) < batch:
            return removed
