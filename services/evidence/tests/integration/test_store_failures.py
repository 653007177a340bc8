"""The store failing between two steps loses nothing: a completion cut short after the store joined the parts
is finished by the browser's retry (or its resume); an upload the store dropped leaves nothing behind; and a
file deleted while the store is down is deleted for everyone, its object left for an operator."""
import io
import os

import pytest
from sqlalchemy import select

from evidence.adapters import orm
from evidence.adapters.object_store import ObjectStore
from evidence.domain.errors import StorageUnavailable
from evidence.domain.uploads import PART_SIZE

from .uploading import Browser, checksum_of

EVIDENCE = "/centres/68101/units/3/evidence"


class FailingOnce(ObjectStore):
    """The real store, but the named call fails once, after doing its work (as a timeout would)."""

    def __init__(self, *args, fail: str):
        super().__init__(*args)
        self.fail = fail

    def size_of(self, key):
        size = super().size_of(key)
        self._fail_once("size_of")
        return size

    def remove(self, key):
        self._fail_once("remove")  # before: the object stays
        super().remove(key)

    def _fail_once(self, name: str) -> None:
        if self.fail == name:
            self.fail = None
            raise StorageUnavailable()


@pytest.fixture
def failing(make_app, s3_server, bucket):
    """A Browser whose service's store fails once at the named call."""
    def make(call: str) -> Browser:
        store = FailingOnce(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, bucket, fail=call)
        return Browser(make_app(OBJECT_STORE=store).test_client(), s3_server.endpoint)
    return make


def joined_but_not_recorded(failing, teacher, data: bytes) -> tuple[dict, dict]:
    """An upload whose completion failed after the store joined its parts: (started, etags)."""
    cut = failing("size_of")
    started = cut.start(teacher, data).json
    etags = cut.send_parts(teacher, started["upload_id"], data, range(1, started["parts_count"] + 1))
    refused = cut.complete(teacher, started["upload_id"], etags, checksum_of(data))
    assert refused.status_code == 503 and refused.json["code"] == "STORAGE_UNAVAILABLE"
    return started, etags


def test_a_completion_cut_short_after_the_store_joined_the_parts_is_finished_by_the_retry(
        failing, browser, teacher, submitted_unit, store):
    data = os.urandom(PART_SIZE + 99)
    started, etags = joined_but_not_recorded(failing, teacher, data)
    assert store.unfinished() == [] and store.keys() == [started["key"]]  # joined, not recorded

    retried = browser.complete(teacher, started["upload_id"], etags, checksum_of(data))
    assert retried.status_code == 201 and retried.json["file"]["file_id"] == started["upload_id"]
    listing = browser.call("GET", EVIDENCE, teacher).json
    assert [f["file_id"] for f in listing["files"]] == [started["upload_id"]] and listing["uploads"] == []
    assert browser.download(teacher, retried.json["file"]["download_url"]).content == data


def test_after_a_reload_the_joined_parts_count_as_stored_and_completing_records_the_file(
        failing, browser, teacher, submitted_unit, store):
    data = b"joined before the reload"
    started, etags = joined_but_not_recorded(failing, teacher, data)
    parts = browser.call("GET", f"/uploads/{started['upload_id']}/parts", teacher).json["parts"]
    assert [(p["part_number"], p["size"], p["etag"]) for p in parts] == [(1, len(data), etags[1])]
    resumed = browser.complete(teacher, started["upload_id"], {p["part_number"]: p["etag"] for p in parts},
                               checksum_of(data))
    assert resumed.status_code == 201 and store.read(started["key"]) == data


def test_a_retry_with_another_checksum_is_refused_and_the_joined_object_removed(failing, browser, teacher,
                                                                              submitted_unit, store):
    started, etags = joined_but_not_recorded(failing, teacher, b"the file joined")
    refused = browser.complete(teacher, started["upload_id"], etags, checksum_of(b"another file"))
    assert refused.status_code == 422 and refused.json["code"] == "CHECKSUM_MISMATCH"
    assert store.keys() == [] and browser.call("GET", EVIDENCE, teacher).json["uploads"] == []


def test_cancelling_an_upload_joined_but_not_recorded_removes_the_object(failing, browser, teacher,
                                                                         submitted_unit, store):
    started, _ = joined_but_not_recorded(failing, teacher, b"cancel me")
    assert browser.call("DELETE", f"/uploads/{started['upload_id']}", teacher).status_code == 204
    assert store.keys() == [] and store.unfinished() == []


def s3_upload_id(engine, upload_id: str) -> str:
    with engine.connect() as conn:
        t = orm.upload_sessions
        return conn.execute(select(t.c.s3_upload_id).where(t.c.id == upload_id)).scalar_one()


@pytest.mark.parametrize("left", [None, b"not the file declared"])
def test_an_upload_the_store_dropped_is_not_found_and_leaves_nothing(browser, teacher, submitted_unit, store,
                                                                    engine, left):
    data = b"the file declared!"
    started = browser.start(teacher, data).json
    etags = browser.send_parts(teacher, started["upload_id"], data, [1])
    store.client._abort_multipart_upload(store.bucket, started["key"], s3_upload_id(engine, started["upload_id"]))
    if left is not None:  # something else at the key: not the file declared
        store.client.put_object(store.bucket, started["key"], io.BytesIO(left), len(left))
    gone = browser.complete(teacher, started["upload_id"], etags, checksum_of(data))
    assert gone.status_code == 404 and gone.json["code"] == "UPLOAD_NOT_FOUND"
    assert store.keys() == [] and browser.call("GET", EVIDENCE, teacher).json["uploads"] == []


def test_a_file_deleted_while_the_store_fails_is_gone_for_everyone_and_its_object_logged(
        failing, browser, teacher, submitted_unit, store, engine, caplog):
    file = browser.upload(teacher, b"delete me")
    down = failing("remove")
    assert down.call("DELETE", f"/files/{file['file_id']}", teacher).status_code == 204
    assert browser.call("GET", EVIDENCE, teacher).json["files"] == []
    with engine.connect() as conn:
        assert sorted(conn.execute(select(orm.outbox.c.routing_key)).scalars()) == [
            "evidence.file_deleted", "evidence.file_uploaded"]
    [key] = store.keys()
    assert key in caplog.text and "still in the store" in caplog.text
    assert browser.call("GET", f"/files/{file['file_id']}/download", teacher).json["code"] == "FILE_NOT_FOUND"
