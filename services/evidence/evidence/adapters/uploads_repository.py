"""Upload sessions and the digests of the parts signed for them."""
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from iamis_shared.inserts import insert_once

from ..domain.uploads import UploadSession
from .orm import upload_part_digests, upload_sessions

COLUMNS = ("id", "centre", "unit_id", "candidate_number", "filename", "size", "content_type", "last_modified",
           "key", "s3_upload_id", "part_size", "created_by", "created_by_name", "created_at", "last_activity_at")


class UploadRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, upload: UploadSession) -> None:
        self.session.execute(insert(upload_sessions).values({c: getattr(upload, c) for c in COLUMNS}))

    def get(self, upload_id: str, for_update: bool = False) -> UploadSession | None:
        query = select(upload_sessions).where(upload_sessions.c.id == upload_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        if row is None:
            return None
        d = upload_part_digests
        signed = self.session.execute(select(d.c.part_number, d.c.sha256, d.c.md5)
                                      .where(d.c.upload_id == upload_id)).all()
        return UploadSession(**{c: getattr(row, c) for c in COLUMNS}, digests={n: sha for n, sha, _ in signed},
                             md5s={n: md5 for n, _, md5 in signed})

    def record_digests(self, upload_id: str, part_number: int, sha256: str, md5: str) -> bool:
        """False if the part was signed meanwhile by another request (the caller reads which digests won)."""
        return insert_once(self.session, insert(upload_part_digests).values(
            upload_id=upload_id, part_number=part_number, sha256=sha256, md5=md5))

    def digests(self, upload_id: str, part_number: int) -> tuple[str, str | None] | None:
        """(SHA-256, MD5) the part was signed with."""
        d = upload_part_digests
        row = self.session.execute(select(d.c.sha256, d.c.md5).where(d.c.upload_id == upload_id,
                                                                     d.c.part_number == part_number)).first()
        return tuple(row) if row else None

    def touch(self, upload_id: str, at: datetime) -> None:
        t = upload_sessions
        self.session.execute(update(t).where(t.c.id == upload_id).values(last_activity_at=at))

    def remove(self, upload_id: str) -> None:
        self.session.execute(delete(upload_part_digests).where(upload_part_digests.c.upload_id == upload_id))
        self.session.execute(delete(upload_sessions).where(upload_sessions.c.id == upload_id))

    def unfinished(self, centre: str, unit_id: int) -> list[UploadSession]:
        t = upload_sessions
        rows = self.session.execute(select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)
                                    .order_by(t.c.created_at)).all()
        return [UploadSession(**{c: getattr(row, c) for c in COLUMNS}) for row in rows]

    def abandoned(self, active_before: datetime, limit: int) -> list[UploadSession]:
        """Sessions last active at or before the moment, locked for this transaction. Those another worker (or a
        completion) holds are skipped, so two workers never abandon the same upload at once."""
        t = upload_sessions
        rows = self.session.execute(select(t).where(t.c.last_activity_at <= active_before)
                                    .order_by(t.c.last_activity_at, t.c.id).limit(limit)
                                    .with_for_update(skip_locked=True)).all()
        return [UploadSession(**{c: getattr(row, c) for c in COLUMNS}) for row in rows]
