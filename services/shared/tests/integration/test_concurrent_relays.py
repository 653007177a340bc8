"""Two relays on the same PostgreSQL outbox publish every row once (`FOR UPDATE SKIP LOCKED`)."""
from collections import Counter
from contextlib import ExitStack

from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.metrics import registry

from .bus_helpers import drain_queue, running, wait_until, write_events


def published_by(relay_name: str) -> float:
    return registry().get_sample_value("iamis_bus_published_total",
                                     {"service": relay_name, "routing_key": "marks.mark_entered"}) or 0


def test_two_relays_at_once_publish_each_row_once(bus_db, topology, sink, rabbitmq_url):
    written = write_events(bus_db.sessions, bus_db.outbox, 400)
    # Metrics are labelled by service: a name per relay shows how the rows were shared out.
    names = ["relay-a", "relay-b"]
    before = {name: published_by(name) for name in names}
    relays = [OutboxRelay(name, bus_db.engine, bus_db.outbox, rabbitmq_url, topology, batch_size=10)
              for name in names]

    with ExitStack() as stack:
        for relay in relays:
            stack.enter_context(running(relay.service, lambda r=relay: r.run_forever(poll_interval=0.05),
                                        relay.stop))
        wait_until(lambda: bus_db.unsent() == 0, 20, "the relays to empty the outbox")

    received = drain_queue(rabbitmq_url, sink, expected=400)
    deliveries = Counter(m.properties["message_id"] for m in received)
    assert set(deliveries) == {e.id for e in written}
    assert set(deliveries.values()) == {1}, "a row was published by both relays"
    shares = [published_by(name) - before[name] for name in names]
    assert sum(shares) == 400 and min(shares) > 0, f"the relays did not share the work: {shares}"
