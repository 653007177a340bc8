"""Moderation and the bus: the marksheet and the sample arrive over RabbitMQ as their publishers make them and
build what moderation knows of the unit; the request leaves through the outbox once, for sampling's queue."""
import threading
import time

from kombu import Producer
from sqlalchemy import func, select

from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import EventConsumer
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.bus.topology import Topology
from iamis_shared.db import make_session_factory
from iamis_shared.testing import received_messages
from moderation.adapters import orm
from moderation.entrypoints.consumer import HANDLERS

from .conftest import API
from .others_events import sample, submitted


def handled(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(orm.inbox)).scalar_one()


def consume(engine, rabbitmq_url: str, topology: Topology, published: list) -> None:
    with connect(rabbitmq_url) as connection:
        producer = Producer(connection.channel(), exchange=topology.events, serializer=None)
        for envelope in published:
            producer.publish(envelope.to_json(), routing_key=envelope.type, content_type="application/json",
                             content_encoding="utf-8", delivery_mode=2, message_id=envelope.id)
    consumer = EventConsumer("moderation", make_session_factory(engine), orm.inbox, HANDLERS, rabbitmq_url, topology)
    thread = threading.Thread(target=consumer.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while handled(engine) < len({e.id for e in published}) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        consumer.should_stop = True
        thread.join(10)
        consumer.close()


def test_the_unit_arrives_over_the_bus_and_the_request_reaches_samplings_queue_once(client, engine, bearer,
                                                                                  rabbitmq_url, bus_namespace):
    topology = Topology(bus_namespace)
    with connect(rabbitmq_url) as connection:  # as the deployment's definitions do, before any publish
        topology.declare(connection, services=["moderation", "sampling"])
    first = submitted()
    consume(engine, rabbitmq_url, topology, [first, sample(1, {"0001": "highest"}),
                                             sample(2, {"0001": "highest", "0004": "centre-added"}),
                                             sample(1, {"0001": "highest"}), first])
    assert handled(engine) == 4  # the submission delivered twice is handled once

    unit = f"{API}/centres/68101/units/3"
    listed = client.get(f"{unit}/candidates", headers=bearer()).json["candidates"]
    assert [(c["candidate_number"], c["reason"]) for c in listed if c["in_sample"]] == [
        ("0001", "highest"), ("0004", "centre-added")]
    made = client.post(f"{unit}/further-samples", headers=bearer(), json={"candidate_numbers": ["0002"]})
    assert made.status_code == 201, made.json

    relay = OutboxRelay("moderation", engine, orm.outbox, rabbitmq_url, topology)
    try:
        assert relay.run_once() == 1
        assert relay.run_once() == 0  # nothing left to send twice
    finally:
        relay.close()
    received = [m for m in received_messages(rabbitmq_url, topology.queue_name("sampling"))
                if m["source"] == "moderation"]
    assert [(m["type"], m["data"]["request_id"], m["data"]["candidate_numbers"]) for m in received] == [
        ("moderation.further_samples_requested", made.json["request_id"], ["0002"])]
