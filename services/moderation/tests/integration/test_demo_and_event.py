"""The demo allocation is made once however often it is loaded, and its event reaches RabbitMQ once."""
from iamis_shared.bus.connection import connect
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.bus.topology import Topology
from iamis_shared.testing import received_messages
from moderation.adapters.orm import outbox
from moderation.cli import seed_demo_command

from .conftest import API, events


def test_the_demo_seed_allocates_the_demo_moderator_once_and_only_in_the_demo(database, engine, client, bearer,
                                                                                capsys):
    settings = {"DATABASE_URL": database, "DEMO_MODE": True}
    assert seed_demo_command({**settings, "DEMO_MODE": False}, None) == 2
    assert "only in the demo" in capsys.readouterr().err
    assert seed_demo_command(settings, None) == 0
    assert capsys.readouterr().out.strip() == "Demo moderator allocated: moderator@board.example to 68101"
    assert seed_demo_command(settings, None) == 0
    assert capsys.readouterr().out.strip() == "Demo moderator allocation already present."
    listed = client.get(f"{API}/allocations", headers=bearer()).json["allocations"]
    assert [(a["centre"], a["moderator_email"], a["moderator_name"], a["allocated_by"]) for a in listed] == [
        ("68101", "moderator@board.example", "Mared Hughes", "demo-data")]
    assert len(events(engine, "moderation.moderator_allocated")) == 1


def test_the_allocation_event_reaches_the_broker_exactly_once(database, engine, client, bearer, rabbitmq_url,
                                                              bus_namespace):
    seed_demo_command({"DATABASE_URL": database, "DEMO_MODE": True}, None)
    seed_demo_command({"DATABASE_URL": database, "DEMO_MODE": True}, None)
    client.post(f"{API}/allocations", headers=bearer(), json={
        "centre": "68101", "moderator_email": "moderator@board.example", "moderator_name": "Mared Hughes"})
    topology = Topology(bus_namespace)
    with connect(rabbitmq_url) as connection:
        topology.declare(connection, services=["test"], bindings=("moderation.#",))
    relay = OutboxRelay("moderation", engine, outbox, rabbitmq_url, topology)
    try:
        assert relay.run_once() == 1
        assert relay.run_once() == 0  # nothing left to send twice
    finally:
        relay.close()
    received = received_messages(rabbitmq_url, topology.queue_name("test"))
    assert [(m["type"], m["source"], m["data"]["centre"], m["data"]["moderator_email"]) for m in received] == [
        ("moderation.moderator_allocated", "moderation", "68101", "moderator@board.example")]
