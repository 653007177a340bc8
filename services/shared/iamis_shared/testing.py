"""pytest fixtures every service's tests use: real PostgreSQL and RabbitMQ on loopback, token keys.

Registered for the whole repository by the root conftest.py (`pytest_plugins`).
"""
import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from .tokens import TokenIssuer, generate_keypair

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_ADMIN_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
RABBITMQ_URL = os.environ.get("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672//")


def create_database(prefix: str) -> str:
    """A new empty PostgreSQL database; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    url = create_database("iamis_test")
    yield url
    drop_database(url)


@pytest.fixture
def rabbitmq_url():
    return RABBITMQ_URL


@pytest.fixture
def bus_namespace(rabbitmq_url):
    """A namespace of its own on the real broker; its exchanges and queues are deleted afterwards."""
    namespace = f"test-{uuid.uuid4().hex[:8]}"
    yield namespace
    delete_namespace(rabbitmq_url, namespace)


def delete_namespace(url: str, namespace: str) -> None:
    from .bus.connection import connect
    from .bus.topology import RETRY_DELAYS_MS, SUBSCRIPTIONS, Topology

    topology = Topology(namespace)
    with connect(url) as connection:
        channel = connection.channel()
        for service in [*SUBSCRIPTIONS, "test"]:
            base = topology.queue_name(service)
            names = [base, f"{base}.dlq", *[f"{base}.retry.{n}" for n in range(1, len(RETRY_DELAYS_MS) + 1)]]
            for name in names:
                channel.queue_delete(name)
        for exchange in (topology.events, topology.dead_letter):
            channel.exchange_delete(exchange.name)


@pytest.fixture(scope="session")
def token_keys(tmp_path_factory):
    """(private PEM, public PEM) for signing test tokens."""
    folder = tmp_path_factory.mktemp("keys")
    generate_keypair(folder / "private.pem", folder / "public.pem")
    return (folder / "private.pem").read_bytes(), (folder / "public.pem").read_bytes()


@pytest.fixture(scope="session")
def issue_token(token_keys):
    """issue_token(audience, **claims) -> a signed bearer token as the gateway would send it."""
    issuer = TokenIssuer(token_keys[0])

    def issue(audience: str, **claims) -> str:
        claims.setdefault("sub", str(uuid.uuid4()))
        claims.setdefault("kind", "user")
        return issuer.issue(audience, claims)

    return issue
