"""Every service migrates its own PostgreSQL database with its own version table, and serves its health,
metrics and OpenAPI document."""
import importlib
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from iamis_shared.migrations import upgrade

SERVICES = ("identity", "marks", "sampling", "evidence", "reports", "moderation")


@pytest.mark.parametrize("name", SERVICES)
def test_migrations_create_the_bus_tables_under_the_service_own_version_table(name, postgres_url):
    module = importlib.import_module(name)
    upgrade(Path(module.__file__).parent / "migrations", postgres_url)
    upgrade(Path(module.__file__).parent / "migrations", postgres_url)  # a second run changes nothing
    engine = create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg2://"))
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"outbox", "inbox", f"alembic_version_{name}"} <= tables
    assert not {f"alembic_version_{other}" for other in SERVICES if other != name} & tables


@pytest.mark.parametrize("name", SERVICES)
def test_health_metrics_and_openapi(name, token_keys, tmp_path):
    module = importlib.import_module(name)
    database = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(Path(module.__file__).parent / "migrations", database)
    client = module.create_app({"TESTING": True, "TOKEN_PUBLIC_KEY": token_keys[1], "DATABASE_URL": database,
                                "BUS_URL": f"filesystem://{tmp_path / 'bus'}"}).test_client()

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json == {"status": "ok", "database": "ok", "bus": "ok"}

    client.get(f"/api/{name}/v1/whoami")
    metrics = client.get("/metrics").get_data(as_text=True)
    assert f'iamis_http_requests_total{{method="GET",service="{name}",status="401"}}' in metrics

    spec = client.get(f"/api/{name}/openapi.json")
    assert spec.status_code == 200
    assert f"/api/{name}/v1/whoami" in spec.json["paths"]


def test_health_reports_an_unreachable_bus(token_keys, tmp_path):
    module = importlib.import_module("marks")
    client = module.create_app({"TESTING": True, "TOKEN_PUBLIC_KEY": token_keys[1],
                                "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
                                "BUS_URL": "amqp://guest:guest@127.0.0.1:1//"}).test_client()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json["database"] == "ok" and health.json["bus"].startswith("unreachable")
