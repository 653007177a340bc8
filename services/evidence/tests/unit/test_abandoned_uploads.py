"""When an unfinished upload counts as abandoned (no part signed for UPLOAD_EXPIRY_DAYS), and that what it
stored is discarded before the session is forgotten."""
from datetime import datetime, timedelta, timezone

import pytest

from evidence.domain.errors import StorageUnavailable
from evidence.domain.uploads import UploadSession
from evidence.entrypoints.background import tasks
from evidence.service_layer.expiry import remove_abandoned_uploads
from evidence.settings import upload_expiry

STARTED = datetime(2027, 5, 1, 9, 0, tzinfo=timezone.utc)
WEEK = timedelta(days=7)


def upload(upload_id: str, started: datetime = STARTED, active: datetime | None = None) -> UploadSession:
    return UploadSession(id=upload_id, centre="68101", unit_id=3, candidate_number="0001", filename="a.pdf",
                         size=10, content_type="application/pdf", last_modified=None,
                         key=f"evidence/68101/3/{upload_id}", s3_upload_id=f"s3-{upload_id}", created_by="t-1",
                         created_by_name="Tomos Jones", created_at=started, last_activity_at=active)


@pytest.mark.parametrize("given,days", [(None, 7), ("3", 3), (" 14 ", 14)])
def test_the_expiry_is_seven_days_unless_upload_expiry_days_says_otherwise(monkeypatch, given, days):
    if given is None:
        monkeypatch.delenv("UPLOAD_EXPIRY_DAYS", raising=False)
    else:
        monkeypatch.setenv("UPLOAD_EXPIRY_DAYS", given)
    assert upload_expiry() == timedelta(days=days)


@pytest.mark.parametrize("given", ["0", "-1", "seven", "1.5", ""])
def test_an_expiry_that_is_not_a_whole_number_of_days_stops_the_worker_with_a_reason(monkeypatch, given):
    monkeypatch.setenv("UPLOAD_EXPIRY_DAYS", given)
    with pytest.raises(ValueError, match="UPLOAD_EXPIRY_DAYS must be a whole number of days, at least 1"):
        upload_expiry()


def test_without_an_object_store_the_worker_has_no_uploads_to_remove(monkeypatch):
    monkeypatch.delenv("S3_ENDPOINT", raising=False)
    assert tasks(None, {}) == []


class FakeUploads:
    def __init__(self, held: list[UploadSession]):
        self.held = {u.id: u for u in held}

    def abandoned(self, active_before: datetime, limit: int) -> list[UploadSession]:
        return sorted((u for u in self.held.values() if u.last_activity_at <= active_before),
                      key=lambda u: u.last_activity_at)[:limit]

    def remove(self, upload_id: str) -> None:
        self.held.pop(upload_id)


class FakeUnitOfWork:
    """Removals count only once committed, as in the database."""

    def __init__(self, held: list[UploadSession]):
        self.committed = FakeUploads(held)

    def __enter__(self):
        self.uploads = FakeUploads(list(self.committed.held.values()))
        return self

    def __exit__(self, *_):
        pass

    def commit(self):
        self.committed = self.uploads


class FakeStore:
    def __init__(self, fail_on: str | None = None):
        self.aborted, self.fail_on = [], fail_on

    def discard(self, key: str, s3_upload_id: str) -> None:
        if s3_upload_id == self.fail_on:
            raise StorageUnavailable()
        self.aborted.append(s3_upload_id)


def test_abandoned_uploads_are_aborted_in_the_store_in_batches_and_fresh_ones_stay():
    old = [upload(f"old-{n}", STARTED - timedelta(days=8, minutes=n)) for n in range(5)]
    uow, store = FakeUnitOfWork([*old, upload("fresh", STARTED - timedelta(days=6))]), FakeStore()
    assert remove_abandoned_uploads(uow, store, STARTED, WEEK, batch=2) == 5
    assert sorted(store.aborted) == sorted(f"s3-{u.id}" for u in old)
    assert list(uow.committed.held) == ["fresh"]
    assert remove_abandoned_uploads(uow, store, STARTED, WEEK, batch=2) == 0


def test_an_upload_is_abandoned_once_the_whole_expiry_has_passed_since_a_part_was_last_signed():
    now = STARTED + WEEK
    uow = FakeUnitOfWork([upload("week", STARTED), upload("almost", STARTED + timedelta(seconds=1)),
                          upload("resumed", STARTED - WEEK, active=STARTED + timedelta(days=1))])
    store = FakeStore()
    assert remove_abandoned_uploads(uow, store, now, WEEK) == 1
    assert store.aborted == ["s3-week"] and sorted(uow.committed.held) == ["almost", "resumed"]


def test_a_session_is_kept_when_the_store_cannot_abort_its_upload():
    uow = FakeUnitOfWork([upload("a", STARTED - timedelta(days=9)), upload("b", STARTED - timedelta(days=8))])
    with pytest.raises(StorageUnavailable):
        remove_abandoned_uploads(uow, FakeStore(fail_on="s3-b"), STARTED, WEEK)
    assert sorted(uow.committed.held) == ["a", "b"]  # tried again on the next run
