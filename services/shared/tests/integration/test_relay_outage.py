"""Events written while the broker is unreachable all reach it once it is back: none lost, none doubled."""
import json
from collections import Counter

from iamis_shared.bus.relay import OutboxRelay

from .bus_helpers import drain_queue, running, wait_until, write_events


def test_events_written_during_an_outage_are_all_delivered_once_the_broker_is_back(
        bus_db, topology, sink, broker_proxy, rabbitmq_url):
    relay = OutboxRelay("marks", bus_db.engine, bus_db.outbox, broker_proxy.url, topology, batch_size=50)
    written = []
    with running("relay", lambda: relay.run_forever(poll_interval=0.05, max_backoff=0.5), relay.stop):
        written += write_events(bus_db.sessions, bus_db.outbox, 50)
        wait_until(lambda: bus_db.unsent() == 0, 10, "the relay to send the first 50 events")

        broker_proxy.stop()
        written += write_events(bus_db.sessions, bus_db.outbox, 100)
        wait_until(lambda: relay.last_error is not None, 10, "the relay to find the broker gone")
        written += write_events(bus_db.sessions, bus_db.outbox, 50)
        assert bus_db.unsent() == 150
        assert bus_db.count(bus_db.outbox, bus_db.outbox.c.attempts > 0) >= 1

        broker_proxy.start()
        wait_until(lambda: bus_db.unsent() == 0, 20, "the relay to send what waited in the outbox")

    received = drain_queue(rabbitmq_url, sink, expected=200)
    ids = Counter(m.properties["message_id"] for m in received)
    assert len(written) == 200 and set(ids) == {e.id for e in written}
    assert set(ids.values()) == {1}, "an event reached the broker twice"
    sent_bodies = {e.id: json.loads(e.to_json()) for e in written}
    assert all(json.loads(m.body) == sent_bodies[m.properties["message_id"]] for m in received)
