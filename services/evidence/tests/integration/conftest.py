"""Evidence on a real PostgreSQL database and a real SeaweedFS, driven through the Flask client with the
tokens the gateway would send; parts go to the store with `requests`, as the browser sends them."""
from datetime import datetime, timezone
from pathlib import Path

import pytest

import evidence
from evidence import create_app
from evidence.entrypoints.consumer import HANDLERS
from iamis_shared.bus.envelope import Envelope
from iamis_shared.db import make_session_factory
from iamis_shared.testing import bearer_fixture, migrated_database_fixture

from .others_events import sample, submitted
from .uploading import Browser

MIGRATIONS = Path(evidence.__file__).parent / "migrations"
BEFORE_DEADLINE = datetime(2027, 5, 1, 9, 0, tzinfo=timezone.utc)


class Clock:
    """The app's CLOCK: tests move it across the unit's deadline."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


database = migrated_database_fixture(evidence)
bearer = bearer_fixture("evidence")


@pytest.fixture
def bucket(s3_server):
    return s3_server.new_bucket("evidence")


@pytest.fixture
def clock():
    return Clock(BEFORE_DEADLINE)


@pytest.fixture
def make_app(database, token_keys, s3_server, bucket, clock):
    def make(**config):
        return create_app({"DATABASE_URL": database, "TOKEN_PUBLIC_KEY": token_keys[1], "CLOCK": clock,
                           "S3_ENDPOINT": s3_server.endpoint, "S3_ACCESS_KEY": s3_server.access_key,
                           "S3_SECRET_KEY": s3_server.secret_key, "S3_BUCKET": bucket, **config})
    return make


@pytest.fixture
def browser(client, s3_server):
    return Browser(client, s3_server.endpoint)


@pytest.fixture
def store(s3_server, bucket):
    """The bucket as an operator sees it (a plain S3 client), to check what is really stored."""
    return StoreView(s3_server.client(), bucket)


class StoreView:
    def __init__(self, client, bucket: str):
        self.client, self.bucket = client, bucket

    def keys(self) -> list[str]:
        return [o.object_name for o in self.client.list_objects(self.bucket, recursive=True)]

    def read(self, key: str) -> bytes:
        response = self.client.get_object(self.bucket, key)
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def unfinished(self) -> list[str]:
        """Keys of the multipart uploads the store still holds open."""
        return [u.object_name for u in self.client._list_multipart_uploads(self.bucket).uploads]


@pytest.fixture(scope="session")
def teacher(bearer):
    return bearer(sub="teacher-68101")


@pytest.fixture(scope="session")
def staff(bearer):
    return bearer("board_staff", centres=(), permissions=(), name="Sian Roberts", email="staff@board.example")


@pytest.fixture(scope="session")
def moderator(bearer):
    return bearer("moderator", centres=(), permissions=(), name="Mared Hughes", email="Moderator@Board.example")


@pytest.fixture
def deliver(engine):
    """Hand an event to the consumer's handler, in one transaction as the consumer does."""
    sessions = make_session_factory(engine)

    def send(*envelopes: Envelope) -> None:
        for envelope in envelopes:
            with sessions.begin() as session:
                HANDLERS[envelope.type](session, envelope)
    return send


@pytest.fixture
def submitted_unit(deliver):
    """3653U1 (unit 3) submitted at 68101 with candidates 0001-0004, takes uploads; 0001 and 0003 sampled."""
    deliver(submitted(), sample(1, {"0001": "highest", "0003": "lowest"}))
    return 3
