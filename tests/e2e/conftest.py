"""Fixtures for end-to-end tests: the running system (PostgreSQL, RabbitMQ, nginx) and headless Chromium."""
import shutil
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

import pytest
from playwright.sync_api import sync_playwright

from identity.domain import totp
from identity.domain.model import ACTIVE, INVITED, User
from identity.domain.passwords import Passwords
from identity.service_layer.unit_of_work import IdentityUnitOfWork
from iamis_shared.db import make_engine, make_session_factory
from iamis_shared.testing import RABBITMQ_URL, create_database, delete_namespace, drop_database

from .stack_process import SERVICES, RunningStack, Stack

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
# Several runs on one machine (a developer's and CI's) each take a free one; clear of `make run` (8000)
# and of the ports it derives at +10000 (SeaweedFS's admin gRPC port).
E2E_PORTS = range(20000, 21000, 200)
E2E_PASSWORD = "Correct-Horse-7"


def free_base_port() -> int:
    for base in E2E_PORTS:
        if all(port_is_free(port) for port in Stack(var_dir=None, port=base).ports):
            return base
    raise RuntimeError(f"no free ports for the end-to-end stack in {E2E_PORTS}")


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    namespace = f"e2e-{uuid.uuid4().hex[:8]}"
    databases = {name: create_database(f"iamis_e2e_{name}") for name in SERVICES}
    running = RunningStack(Stack(var_dir=tmp_path_factory.mktemp("stack"), port=free_base_port(),
                                 database_urls=databases, bus_url=RABBITMQ_URL, bus_namespace=namespace,
                                 web_concurrency=2,
                                 extra_env={"SIGNIN_LOCK_MINUTES": "15", "SIGNIN_MAX_FAILURES": "5"}))
    try:
        running.start()
        yield running
    finally:
        running.stop()
        for url in databases.values():
            drop_database(url)
        delete_namespace(RABBITMQ_URL, namespace)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, stack):
    context = browser.new_context(base_url=stack.stack.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@dataclass
class Account:
    id: str
    email: str
    password: str
    secret: str | None  # None until the user enrols MFA at first sign-in


@pytest.fixture(scope="session")
def identity_uow(stack):
    engine = make_engine(stack.stack.database_urls["identity"])
    yield lambda: IdentityUnitOfWork(make_session_factory(engine))
    engine.dispose()


@pytest.fixture
def new_user(identity_uow):
    """new_user(account_type, permissions, centre, enrolled) -> Account: a user of its own for one test,
    so that one-time codes used by one test never collide with another's."""
    passwords = Passwords()

    def make(account_type="user", permissions=("iamis",), centre=68101, enrolled=True) -> Account:
        now = datetime.now(timezone.utc)
        user = User(id=str(uuid.uuid4()), first_name="Gwen", last_name=f"Test{uuid.uuid4().hex[:6]}",
                    email=f"user-{uuid.uuid4().hex[:10]}@e2e.example", account_type=account_type,
                    centre_number=centre, permissions=list(permissions), status=ACTIVE if enrolled else INVITED,
                    password_hash=passwords.hash(E2E_PASSWORD), mfa_secret=totp.new_secret() if enrolled else None,
                    activated_at=now if enrolled else None, created_at=now)
        with identity_uow() as uow:
            uow.users.add(user)
            uow.commit()
        return Account(user.id, user.email, E2E_PASSWORD, user.mfa_secret)

    return make
