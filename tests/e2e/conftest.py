"""Fixtures for end-to-end tests: the running system (PostgreSQL, RabbitMQ, nginx) and headless Chromium."""
import shutil
import uuid

import pytest
from playwright.sync_api import sync_playwright

from iamis_shared.testing import RABBITMQ_URL, create_database, delete_namespace, drop_database

from .stack_process import SERVICES, RunningStack, Stack

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
E2E_PORT = 18000


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    namespace = f"e2e-{uuid.uuid4().hex[:8]}"
    databases = {name: create_database(f"iamis_e2e_{name}") for name in SERVICES}
    running = RunningStack(Stack(var_dir=tmp_path_factory.mktemp("stack"), port=E2E_PORT,
                                 database_urls=databases, bus_url=RABBITMQ_URL, bus_namespace=namespace,
                                 s3=False, web_concurrency=2,
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
