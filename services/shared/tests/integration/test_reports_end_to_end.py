"""identity.user_activated from an outbox, through the relay and RabbitMQ, into the reports user directory."""
from datetime import datetime, timezone
from pathlib import Path

import pytest
import reports
from reports.adapters import orm as reports_orm
from reports.adapters.event_schemas import UserActivatedSchema
from reports.entrypoints.consumer import HANDLERS
from sqlalchemy import select

from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import EventConsumer
from iamis_shared.bus.envelope import new_envelope
from iamis_shared.bus.outbox import add_to_outbox
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.db import make_engine, make_session_factory
from iamis_shared.migrations import upgrade
from iamis_shared.testing import create_database, drop_database

from .bus_helpers import running, wait_until


@pytest.fixture
def reports_engine():
    url = create_database("iamis_test_reports")
    upgrade(Path(reports.__file__).parent / "migrations", url)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    drop_database(url)


def directory(engine) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(reports_orm.user_directory))]


def test_an_activated_user_reaches_the_reports_directory(bus_db, reports_engine, topology, rabbitmq_url):
    activated = new_envelope("identity.user_activated", "identity", {
        "user_id": "0b8f5a52-5d7e-4b4e-9a51-3f0d2c1e9a10", "name": "Siân Ŵyn", "email": "sian@ysgol.example",
        "account_type": "centre", "centres": ["68101", "68102"], "activated_at": "2025-09-01T08:00:00+00:00",
    }, UserActivatedSchema())
    with bus_db.sessions.begin() as session:
        add_to_outbox(session, bus_db.outbox, activated)
    relay = OutboxRelay("identity", bus_db.engine, bus_db.outbox, rabbitmq_url, topology)
    consumer = EventConsumer("reports", make_session_factory(reports_engine), reports_orm.inbox, HANDLERS,
                             rabbitmq_url, topology)

    with connect(rabbitmq_url) as connection:  # as the deployment's definitions do, before any publish
        topology.declare(connection, services=["reports"])

    with running("consumer", consumer.run, lambda: setattr(consumer, "should_stop", True)):
        with running("relay", lambda: relay.run_forever(poll_interval=0.05), relay.stop):
            wait_until(lambda: directory(reports_engine), 15, "the user to appear in the directory")
    consumer.close()

    [entry] = directory(reports_engine)
    assert {k: entry[k] for k in ("user_id", "name", "email", "account_type", "centres", "removed")} == {
        "user_id": "0b8f5a52-5d7e-4b4e-9a51-3f0d2c1e9a10", "name": "Siân Ŵyn", "email": "sian@ysgol.example",
        "account_type": "centre", "centres": ["68101", "68102"], "removed": False}
    assert entry["activated_at"] == datetime(2025, 9, 1, 8, 0, tzinfo=timezone.utc)
    assert bus_db.unsent() == 0
    with reports_engine.connect() as conn:
        assert conn.execute(select(reports_orm.inbox.c.message_id)).scalars().all() == [activated.id]
