"""Moderation on a real PostgreSQL database, migrated as in production, driven through the Flask client
with the tokens the gateway would send."""
import json

import pytest
from sqlalchemy import select

import moderation
from iamis_shared.bus.envelope import Envelope
from iamis_shared.db import make_session_factory
from iamis_shared.testing import bearer_fixture, make_app_fixture, migrated_database_fixture
from moderation import create_app
from moderation.adapters.orm import outbox
from moderation.entrypoints.consumer import HANDLERS

API = "/api/moderation/v1"

database = migrated_database_fixture(moderation)
make_app = make_app_fixture(create_app)
bearer = bearer_fixture("moderation", account_type="board_staff", centres=(), name="Sian Roberts",
                        email="staff@board.example")


def events(engine, routing_key: str) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(outbox.c.body).where(outbox.c.routing_key == routing_key)
                            .order_by(outbox.c.created_at)).scalars().all()
    return [json.loads(body)["data"] for body in rows]


@pytest.fixture
def deliver(engine):
    """Hand events to the consumer's handlers, each in one transaction as the consumer does."""
    sessions = make_session_factory(engine)

    def send(*envelopes: Envelope) -> None:
        for envelope in envelopes:
            with sessions.begin() as session:
                HANDLERS[envelope.type](session, envelope)
    return send
