"""deploy/compose.yaml: every service runs as web + worker + migrations, in the right order, with health."""
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SERVICES = ("identity", "marks", "sampling", "evidence", "reports", "moderation")
JOBS_SUFFIXES = ("-migrate", "-seed-demo")
ONE_OFF = {"minio-bucket"}


def command(service: dict) -> list[str]:
    return service["command"]


@pytest.mark.parametrize("name", SERVICES)
def test_each_service_has_web_worker_and_migrate_with_the_agreed_commands(compose, name):
    services = compose["services"]
    assert command(services[name]) == ["gunicorn", f"{name}:create_app()", "-c", "python:iamis_shared.gunicorn_conf"]
    assert command(services[f"{name}-worker"]) == ["python", "-m", "iamis_shared.cli", name, "worker"]
    assert command(services[f"{name}-migrate"]) == ["python", "-m", "iamis_shared.cli", name, "migrate"]


@pytest.mark.parametrize("name", SERVICES)
def test_web_and_worker_start_only_after_their_migrations_succeeded(compose, name):
    services = compose["services"]
    for process in (name, f"{name}-worker"):
        depends = services[process]["depends_on"]
        assert depends[f"{name}-migrate"] == {"condition": "service_completed_successfully"}
        assert depends["rabbitmq"] == {"condition": "service_healthy"}
    assert services[f"{name}-migrate"]["depends_on"]["postgres"] == {"condition": "service_healthy"}
    assert services[f"{name}-migrate"]["restart"] == "no"


@pytest.mark.parametrize("name", SERVICES)
def test_web_worker_and_migrate_of_a_service_share_one_database(compose, name):
    services = compose["services"]
    urls = {services[p]["environment"]["DATABASE_URL"] for p in (name, f"{name}-worker", f"{name}-migrate")}
    assert len(urls) == 1
    assert urls.pop().endswith(f"@postgres:5432/{name}")


def test_every_depends_on_target_exists(compose):
    services = compose["services"]
    for name, service in services.items():
        for target in service.get("depends_on", {}):
            assert target in services, f"{name} depends on {target}, which compose does not define"


def test_every_long_running_process_has_a_healthcheck(compose):
    for name, service in compose["services"].items():
        if name.endswith(JOBS_SUFFIXES) or name in ONE_OFF:
            continue
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


def test_nginx_is_the_only_published_port_and_defaults_to_8000(compose):
    published = {name: s["ports"] for name, s in compose["services"].items() if s.get("ports")}
    assert published == {"nginx": ["${IAMIS_HTTP_PORT:-8000}:8080"]}
    assert "LISTEN=0.0.0.0:8080" in compose["services"]["nginx"]["command"]


def test_evidence_gets_the_object_store_and_waits_for_its_bucket(compose):
    evidence = compose["services"]["evidence"]
    assert {"S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "S3_BUCKET", "S3_REGION", "S3_SECURE"} <= set(
        evidence["environment"])
    assert evidence["depends_on"]["minio-bucket"] == {"condition": "service_completed_successfully"}


def test_token_keys_are_secrets_and_only_the_gateway_holds_the_private_key(compose):
    defined = set(compose["secrets"])
    holders = {name for name, s in compose["services"].items() if "token_private.pem" in s.get("secrets", [])}
    assert holders == {"gateway"}
    for name, service in compose["services"].items():
        assert set(service.get("secrets", [])) <= defined, name
    for name in SERVICES:
        env = compose["services"][name]["environment"]
        assert env["TOKEN_PUBLIC_KEY_FILE"] == "/run/secrets/token_public.pem"
        assert "token_public.pem" in compose["services"][name]["secrets"]


def test_demo_seeding_runs_only_when_the_demo_profile_is_asked_for(compose):
    seeding = [name for name, s in compose["services"].items() if "seed-demo" in s.get("command", [])]
    assert seeding == ["identity-seed-demo"]
    assert compose["services"]["identity-seed-demo"]["profiles"] == ["demo"]


def test_files_mounted_or_built_from_the_repository_exist(compose):
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("."):
                assert (DEPLOY / source).is_file(), f"{name} mounts {source}, which does not exist"
        build = service.get("build")
        if build:
            assert (DEPLOY / build["context"] / build["dockerfile"]).is_file(), name


@pytest.mark.parametrize("name", SERVICES)
def test_worker_healthcheck_asks_the_address_the_worker_serves_metrics_on(compose, name):
    worker = compose["services"][f"{name}-worker"]
    port = worker["environment"]["METRICS_BIND"].rsplit(":", 1)[1]
    assert f"http://127.0.0.1:{port}/metrics" in " ".join(worker["healthcheck"]["test"])


def test_every_app_the_commands_name_is_an_installed_package(compose):
    import importlib.util

    for name, service in compose["services"].items():
        argv = service.get("command") or []
        if argv[:1] == ["gunicorn"]:
            module = argv[1].split(":", 1)[0]
        elif argv[:3] == ["python", "-m", "iamis_shared.cli"]:
            module = argv[3]
        else:
            continue
        assert importlib.util.find_spec(module) is not None, f"{name} runs {module}, which is not installed"
