"""`make run` keeps evidence in SQLite: the same flow works there (savepoints, no row locks)."""
from datetime import datetime, timedelta, timezone

import pytest

from evidence import create_app
from evidence.adapters.object_store import ObjectStore
from evidence.entrypoints.consumer import HANDLERS
from evidence.service_layer.expiry import remove_abandoned_uploads
from evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from iamis_shared.db import make_engine, make_session_factory
from iamis_shared.migrations import upgrade

from .conftest import MIGRATIONS
from .others_events import sample, submitted
from .uploading import Browser, checksum_of


@pytest.fixture
def sqlite(tmp_path, token_keys, s3_server, bucket):
    """(app factory taking the store, session factory) on a migrated SQLite file with unit 3 submitted."""
    url = f"sqlite:///{tmp_path / 'evidence.db'}"
    upgrade(MIGRATIONS, url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    for envelope in (submitted(), sample(1, {"0001": "highest"}), sample(1, {"0001": "highest"})):
        with sessions.begin() as session:
            HANDLERS[envelope.type](session, envelope)

    def app(store=None):
        return create_app({"DATABASE_URL": url, "TOKEN_PUBLIC_KEY": token_keys[1], "ENGINE": engine,
                           "S3_ENDPOINT": s3_server.endpoint, "S3_ACCESS_KEY": s3_server.access_key,
                           "S3_SECRET_KEY": s3_server.secret_key, "S3_BUCKET": bucket, "OBJECT_STORE": store})
    yield app, sessions
    engine.dispose()


def test_upload_resume_and_delete_on_sqlite(sqlite, s3_server, teacher):
    make_app, sessions = sqlite
    app = make_app()
    browser = Browser(app.test_client(), s3_server.endpoint)
    upload_id = browser.start(teacher, b"twice signed").json["upload_id"]
    assert browser.sign(teacher, upload_id, 1, b"twice signed").status_code == 200
    assert browser.sign(teacher, upload_id, 1, b"twice signed").status_code == 200
    assert browser.call("DELETE", f"/uploads/{upload_id}", teacher).status_code == 204

    file = browser.upload(teacher, b"kept in sqlite", filename="nodyn.txt")
    assert browser.download(teacher, file["download_url"]).content == b"kept in sqlite"
    assert browser.call("DELETE", f"/files/{file['file_id']}", teacher).status_code == 204
    assert browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["files"] == []

    browser.start(teacher, b"left unfinished")
    week_later = datetime.now(timezone.utc) + timedelta(days=7, minutes=1)
    assert remove_abandoned_uploads(EvidenceUnitOfWork(sessions), app.extensions["evidence_store"], week_later,
                                    timedelta(days=7)) == 1
    assert browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["uploads"] == []


class Overtaken(ObjectStore):
    """The real store; `before_joining` runs just before this completion asks the store to join the parts."""
    before_joining = None

    def complete(self, key, upload_id, parts):
        if self.before_joining:
            overtake, self.before_joining = self.before_joining, None
            overtake()
        return super().complete(key, upload_id, parts)


def test_two_completions_at_once_on_sqlite_both_answer_with_the_one_file(sqlite, s3_server, bucket, teacher):
    make_app, _ = sqlite
    store = Overtaken(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, bucket)
    first, second = (Browser(make_app(store).test_client(), s3_server.endpoint),
                     Browser(make_app().test_client(), s3_server.endpoint))
    data = b"completed twice at once"
    upload_id = first.start(teacher, data).json["upload_id"]
    etags = first.send_parts(teacher, upload_id, data, [1])
    overtaking = []
    store.before_joining = lambda: overtaking.append(second.complete(teacher, upload_id, etags, checksum_of(data)))

    completed = first.complete(teacher, upload_id, etags, checksum_of(data))
    assert (completed.status_code, overtaking[0].status_code) == (201, 201)
    assert completed.json["file"] == overtaking[0].json["file"]
    listing = first.call("GET", "/centres/68101/units/3/evidence", teacher).json
    assert [f["file_id"] for f in listing["files"]] == [upload_id] and listing["uploads"] == []
