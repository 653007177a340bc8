"""Relay throughput against a bare pika publisher, on the same broker in the same run.

    .venv/bin/python tests/load/bench_relay.py [--messages 5000]

(1) pika BlockingConnection with confirm_delivery publishes N messages one by one;
(2) the OutboxRelay publishes N rows written beforehand to a throwaway PostgreSQL outbox.
Both send the same bodies to the same quorum queue; the target is relay/bare >= 0.8.
Named bench_*.py so pytest does not collect it.
"""
import argparse
import sys
import time
import uuid
from datetime import datetime, timezone

import pika
from sqlalchemy import MetaData, insert

from iamis_shared.bus.connection import connect
from iamis_shared.bus.envelope import Envelope
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.bus.tables import outbox_table
from iamis_shared.bus.topology import Topology
from iamis_shared.db import make_engine
from iamis_shared.testing import RABBITMQ_URL, create_database, delete_namespace, drop_database

ROUTING_KEY = "bench.thing_happened"


def make_bodies(count: int) -> list[tuple[str, str]]:
    """(id, body) pairs shaped like a real envelope of a few hundred bytes."""
    envelopes = [Envelope(type=ROUTING_KEY, source="bench", data={"index": n, "note": "x" * 200})
                 for n in range(count)]
    return [(e.id, e.to_json()) for e in envelopes]


def declare_sink(topology: Topology) -> str:
    """The exchange and one bound queue, so every publish is routed and stored as in production."""
    with connect(RABBITMQ_URL) as connection:
        topology.declare(connection, services=["test"], bindings=("#",))
    return topology.queue_name("test")


def purge(queue: str) -> int:
    with connect(RABBITMQ_URL) as connection:
        return connection.default_channel.queue_purge(queue) or 0


def bench_bare(topology: Topology, bodies: list[tuple[str, str]]) -> float:
    broker = connect(RABBITMQ_URL)  # only for kombu's reading of the URL ("//" is the vhost "/")
    connection = pika.BlockingConnection(pika.ConnectionParameters(
        broker.hostname, broker.port or 5672, broker.virtual_host,
        pika.PlainCredentials(broker.userid, broker.password)))
    try:
        channel = connection.channel()
        channel.confirm_delivery()

        def publish(message_id: str, body: str) -> None:
            channel.basic_publish(topology.events.name, ROUTING_KEY, body.encode(), pika.BasicProperties(
                content_type="application/json", content_encoding="utf-8", delivery_mode=2,
                message_id=message_id))

        warm_up, *timed = bodies
        publish(*warm_up)
        started = time.perf_counter()
        for message_id, body in timed:
            publish(message_id, body)
        return time.perf_counter() - started
    finally:
        connection.close()


def write_outbox(engine, outbox, bodies: list[tuple[str, str]]) -> None:
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(insert(outbox), [
            {"id": message_id, "routing_key": ROUTING_KEY, "body": body, "created_at": now, "attempts": 0}
            for message_id, body in bodies])


def bench_relay(topology: Topology, bodies: list[tuple[str, str]]) -> float:
    url = create_database("iamis_bench")
    engine = make_engine(url)
    try:
        metadata = MetaData()
        outbox = outbox_table(metadata)
        metadata.create_all(engine)
        relay = OutboxRelay("bench", engine, outbox, RABBITMQ_URL, topology)
        warm_up, *timed = bodies
        write_outbox(engine, outbox, [warm_up])
        relay.run_once()  # connect and declare outside the timing, as for bare pika
        write_outbox(engine, outbox, timed)
        started = time.perf_counter()
        while relay.run_once():
            pass
        elapsed = time.perf_counter() - started
        if relay.last_error is not None or relay.pending():
            sys.exit(f"relay stopped early: {relay.pending()} unsent, last error {relay.last_error!r}")
        relay.close()
        return elapsed
    finally:
        engine.dispose()
        drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000, help="messages per run (default 5000)")
    args = parser.parse_args()
    if args.messages < 1:
        parser.error("--messages must be at least 1")
    topology = Topology(f"bench-{uuid.uuid4().hex[:8]}")
    bodies = make_bodies(args.messages + 1)  # the first of each run is an untimed warm-up
    try:
        queue = declare_sink(topology)
        bare = bench_bare(topology, bodies)
        bare_routed = purge(queue)
        relay = bench_relay(topology, bodies)
        relay_routed = purge(queue)
    finally:
        delete_namespace(RABBITMQ_URL, topology.namespace)
    n = args.messages
    print(f"bare pika + confirms : {n / bare:8.0f} msg/s ({bare:.2f} s; queue got {bare_routed - 1})")
    print(f"outbox relay         : {n / relay:8.0f} msg/s ({relay:.2f} s; queue got {relay_routed - 1})")
    print(f"ratio relay/bare     : {bare / relay:8.2f} (target >= 0.80)")


if __name__ == "__main__":
    main()
