"""pytest fixtures every service's tests use: real PostgreSQL, RabbitMQ and a mail catcher on loopback,
token keys.

Registered for the whole repository by the root conftest.py (`pytest_plugins`). A service's integration
conftest makes its own `database`, `make_app` and `bearer` with the factories below; `client`, `engine` and
`sql` then work on them as they are.
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from .db import make_engine
from .migrations import upgrade
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


def migrated_database_fixture(package):
    """A `database` fixture: the test's fresh database, migrated with `package`'s migrations as in production."""
    migrations = Path(package.__file__).parent / "migrations"

    @pytest.fixture
    def database(postgres_url):
        upgrade(migrations, postgres_url)
        return postgres_url
    return database


def make_app_fixture(create_app):
    """A `make_app` fixture: make_app(**config) is a new app on the test's database, as one gunicorn worker
    would be, trusting the test's token keys."""
    @pytest.fixture
    def make_app(database, token_keys):
        def make(**config):
            return create_app({"DATABASE_URL": database, "TOKEN_PUBLIC_KEY": token_keys[1], **config})
        return make
    return make_app


def bearer_fixture(audience: str, account_type="user", centres=("68101",), permissions=("iamis",),
                   name="Tomos Jones", email="teacher@demo-centre.example"):
    """A `bearer` fixture: bearer(account_type, centres, permissions, name, email, **claims) -> the headers
    the gateway sends with an `audience` token; what a test leaves out takes the defaults given here."""
    defaults = account_type, centres, permissions, name, email

    @pytest.fixture(scope="session")
    def bearer(issue_token):
        def headers(account_type=defaults[0], centres=defaults[1], permissions=defaults[2], name=defaults[3],
                    email=defaults[4], **claims):
            token = issue_token(audience, account_type=account_type, centres=list(centres),
                                permissions=list(permissions), name=name, email=email, **claims)
            return {"Authorization": f"Bearer {token}"}
        return headers
    return bearer


@pytest.fixture
def client(make_app):
    return make_app().test_client()


@pytest.fixture
def engine(database):
    engine = make_engine(database)
    yield engine
    engine.dispose()


@pytest.fixture
def sql(database):
    """Run SQL against the service's database, as an operator would."""
    engine = create_engine(database)

    def run(statement, **params):
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else result.rowcount
    yield run
    engine.dispose()


def received_messages(rabbitmq_url: str, queue: str, timeout: float = 5) -> list[dict]:
    """The messages waiting on `queue`, parsed, taken off it: waits up to `timeout` for the first, then
    stops at the first moment the queue is empty."""
    from .bus.connection import connect

    received = []
    with connect(rabbitmq_url) as connection:
        channel = connection.channel()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = channel.basic_get(queue, no_ack=True)
            if message is None:
                if received:
                    break
                time.sleep(0.1)
                continue
            received.append(json.loads(message.body))
    return received


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


class Mailbox:
    """The mail catcher's REST API (maildump): GET /messages/ lists what arrived, oldest first, as
    {"messages": [{"id", "sender", "recipients": {"to": [...]}, "subject", "created_at", "size"}]};
    GET /messages/<id>.plain is the text body; DELETE /messages/ empties the box."""

    def __init__(self, web_url: str, smtp_port: int | None = None):
        self.web_url, self.smtp_port = web_url.rstrip("/"), smtp_port

    def _open(self, path: str, method: str = "GET"):
        return urllib.request.urlopen(urllib.request.Request(self.web_url + path, method=method), timeout=5)

    def messages(self) -> list[dict]:
        with self._open("/messages/") as response:
            return json.load(response)["messages"]

    def text(self, message_id: int) -> str:
        with self._open(f"/messages/{message_id}.plain") as response:
            return response.read().decode("utf-8")

    def clear(self) -> None:
        self._open("/messages/", method="DELETE").close()

    def wait_for(self, to_address: str, timeout: float = 15) -> dict:
        """The newest message to `to_address`, with its text under "text"; waits for it to arrive."""
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.messages() if to_address.lower() in (a.lower() for a in m["recipients"]["to"])]
            if found:
                return dict(found[-1], text=self.text(found[-1]["id"]))
            if time.monotonic() > deadline:
                raise AssertionError(f"no email to {to_address} within {timeout} s")
            time.sleep(0.2)


@pytest.fixture(scope="session")
def mail_catcher(tmp_path_factory):
    """A real SMTP server on loopback (maildump, as `make run` starts it) and its REST API: a Mailbox."""
    smtp_port, web_port = free_port(), free_port()
    log = open(tmp_path_factory.mktemp("maildump") / "maildump.log", "wb")
    process = subprocess.Popen([str(Path(sys.executable).parent / "maildump"), "-f", "-n",
                                "--smtp-ip", "127.0.0.1", "--smtp-port", str(smtp_port),
                                "--http-ip", "127.0.0.1", "--http-port", str(web_port)],
                               stdout=log, stderr=subprocess.STDOUT)
    mailbox = Mailbox(f"http://127.0.0.1:{web_port}", smtp_port)
    deadline = time.monotonic() + 20
    while True:
        try:
            mailbox.messages()
            break
        except (OSError, urllib.error.URLError):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the mail catcher did not start")
            time.sleep(0.1)
    yield mailbox
    process.terminate()
    process.wait(10)
    log.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class S3Server:
    """A running S3 server: where it listens, the keys it accepts, and new empty buckets for tests."""

    region = "us-east-1"

    def __init__(self, endpoint: str, access_key: str, secret_key: str):
        self.endpoint, self.access_key, self.secret_key = endpoint, access_key, secret_key

    def client(self):
        from minio import Minio

        return Minio(self.endpoint, self.access_key, self.secret_key, secure=False, region=self.region)

    def new_bucket(self, prefix: str = "test") -> str:
        name = f"{prefix}-{uuid.uuid4().hex[:12]}"
        self.client().make_bucket(name)
        return name


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """A real SeaweedFS S3 server (`weed mini`, as `make run` starts it) with every port free on loopback."""
    folder = tmp_path_factory.mktemp("seaweedfs")
    server = S3Server("", "iamis-test", uuid.uuid4().hex)
    (folder / "s3.json").write_text(json.dumps({"identities": [{"name": "iamis-test", "credentials": [
        {"accessKey": server.access_key, "secretKey": server.secret_key}], "actions": ["Admin", "Read", "Write",
                                                                                      "List"]}]}))
    flags = [f"{c}.port{g}" for c in ("s3", "master", "volume", "filer") for g in ("", ".grpc")]
    ports = dict(zip(flags, free_ports(len(flags))))
    ports["admin.port"] = admin_port(taken=set(ports.values()))
    ports["admin.port.grpc"] = ports["admin.port"] + 10000
    server.endpoint = f"127.0.0.1:{ports['s3.port']}"
    log = open(folder / "weed.log", "wb")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "weed"), "mini", f"-dir={folder}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
         "-master.telemetry=false", *(f"-{flag}={port}" for flag, port in ports.items()), "-s3.port.iceberg=0",
         "-s3.port.lance=0", f"-s3.config={folder / 's3.json'}", "-webdav=false", "-admin.ui=false"],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, GOMEMLIMIT="512MiB"))
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://{server.endpoint}/healthz", timeout=2):
                break
        except (OSError, urllib.error.URLError):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"SeaweedFS did not start; see {folder / 'weed.log'}")
            time.sleep(0.2)
    yield server
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


def free_ports(count: int) -> list[int]:
    """`count` different free ports (each held open until all are chosen)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def admin_port(taken: set[int]) -> int:
    """A free port whose +10000 neighbour is free too: weed's maintenance worker finds the admin server's
    gRPC port only there."""
    while True:
        port = free_port()
        if port + 10000 <= 65535 and port not in taken and port + 10000 not in taken and port_is_free(port + 10000):
            return port


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True
