"""Moderation on a real PostgreSQL database, migrated as in production, driven through the Flask client
with the tokens the gateway would send."""
import json
from pathlib import Path

import pytest
from sqlalchemy import select

import moderation
from iamis_shared.db import make_engine
from iamis_shared.migrations import upgrade
from moderation import create_app
from moderation.adapters.orm import outbox

MIGRATIONS = Path(moderation.__file__).parent / "migrations"
API = "/api/moderation/v1"


@pytest.fixture
def database(postgres_url):
    upgrade(MIGRATIONS, postgres_url)
    return postgres_url


@pytest.fixture
def make_app(database, token_keys):
    return lambda: create_app({"DATABASE_URL": database, "TOKEN_PUBLIC_KEY": token_keys[1]})


@pytest.fixture
def client(make_app):
    return make_app().test_client()


@pytest.fixture
def engine(database):
    engine = make_engine(database)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def bearer(issue_token):
    def headers(account_type="board_staff", email="staff@board.example", centres=(), **claims):
        token = issue_token("moderation", account_type=account_type, email=email, centres=list(centres),
                            permissions=["iamis"], name="Sian Roberts", **claims)
        return {"Authorization": f"Bearer {token}"}
    return headers


def events(engine, routing_key: str) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(outbox.c.body).where(outbox.c.routing_key == routing_key)
                            .order_by(outbox.c.created_at)).scalars().all()
    return [json.loads(body)["data"] for body in rows]
