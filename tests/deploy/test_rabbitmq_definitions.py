"""deploy/rabbitmq: the committed definitions are exactly the topology module's export, and complete."""
import json
import os
import subprocess
import sys
from pathlib import Path

RABBITMQ = Path(__file__).resolve().parents[2] / "deploy" / "rabbitmq"
REGENERATE = "python -m iamis_shared.bus.definitions > deploy/rabbitmq/definitions.json"


def committed() -> dict:
    return json.loads((RABBITMQ / "definitions.json").read_text())


def test_committed_definitions_equal_a_fresh_export():
    fresh = subprocess.run([sys.executable, "-m", "iamis_shared.bus.definitions"], capture_output=True,
                           text=True, check=True, timeout=60).stdout
    assert (RABBITMQ / "definitions.json").read_text() == fresh, f"stale definitions: run `{REGENERATE}`"


def test_every_consuming_queue_has_its_dead_letter_queue_bound_to_the_dead_letter_exchange():
    definitions = committed()
    queues = {q["name"]: q for q in definitions["queues"]}
    events = [x["name"] for x in definitions["exchanges"] if x["type"] == "topic"]
    consuming = {b["destination"] for b in definitions["bindings"] if b["source"] in events}
    assert consuming, "no queue is bound to the events exchange"
    for name in consuming:
        dead_letter_exchange = queues[name]["arguments"]["x-dead-letter-exchange"]
        assert f"{name}.dlq" in queues
        assert {"source": dead_letter_exchange, "destination": f"{name}.dlq", "routing_key": name} in [
            {k: b[k] for k in ("source", "destination", "routing_key")} for b in definitions["bindings"]]


def test_retry_queues_return_to_their_queue_after_growing_delays():
    queues = {q["name"]: q for q in committed()["queues"]}
    for name in [n for n in queues if n.endswith(".dlq")]:
        main = name.removesuffix(".dlq")
        retries = sorted((n for n in queues if n.startswith(f"{main}.retry.")),
                         key=lambda n: int(n.rsplit(".", 1)[1]))
        assert retries, f"{main} has no retry queue"
        delays = [queues[n]["arguments"]["x-message-ttl"] for n in retries]
        assert delays == sorted(set(delays))
        for retry in retries:
            assert queues[retry]["arguments"]["x-dead-letter-exchange"] == ""
            assert queues[retry]["arguments"]["x-dead-letter-routing-key"] == main


def test_every_queue_is_a_durable_quorum_queue():
    for queue in committed()["queues"]:
        assert queue["durable"] is True and queue["arguments"]["x-queue-type"] == "quorum", queue["name"]


def test_the_broker_loads_the_directory_compose_mounts_the_definitions_into(compose):
    settings = dict(line.split(" = ", 1) for line in (RABBITMQ / "rabbitmq.conf").read_text().splitlines()
                    if line and not line.startswith("#"))
    directory = settings["load_definitions"]
    mounts = dict(v.split(":")[:2] for v in compose["services"]["rabbitmq"]["volumes"])
    assert mounts["./rabbitmq/definitions.json"] == f"{directory}/10-topology.json"
    assert mounts["./rabbitmq/rabbitmq.conf"].startswith("/etc/rabbitmq/conf.d/")
    # The broker then creates no default user: start.sh writes the application's user into the same
    # directory, named to load after the topology (which creates the vhost).
    start = (RABBITMQ / "start.sh").read_text()
    assert "definitions=${RABBITMQ_DEFINITIONS_DIR:-" + directory + "}\n" in start
    assert '"$definitions/20-users.json"' in start


def test_start_writes_the_application_user_then_starts_the_broker(tmp_path):
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    entrypoint = fake_bin / "docker-entrypoint.sh"
    entrypoint.write_text(f"#!/bin/sh\necho \"$@\" > {tmp_path / 'started'}\n")
    entrypoint.chmod(0o755)
    env = dict(os.environ, RABBITMQ_USER="iamis", RABBITMQ_PASSWORD="0123abcd",
               RABBITMQ_DEFINITIONS_DIR=str(tmp_path / "definitions"), PATH=f"{fake_bin}:{os.environ['PATH']}")
    subprocess.run(["sh", str(RABBITMQ / "start.sh")], env=env, check=True, timeout=30)
    users = json.loads((tmp_path / "definitions" / "20-users.json").read_text())
    assert users["users"] == [{"name": "iamis", "password": "0123abcd", "tags": ""}]
    assert users["permissions"] == [{"user": "iamis", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}]
    assert (tmp_path / "started").read_text() == "rabbitmq-server\n"


def test_start_refuses_to_run_without_credentials(tmp_path):
    env = {"PATH": os.environ["PATH"], "RABBITMQ_DEFINITIONS_DIR": str(tmp_path)}
    result = subprocess.run(["sh", str(RABBITMQ / "start.sh")], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "RABBITMQ_USER must be set" in result.stderr
    assert list(tmp_path.iterdir()) == []
