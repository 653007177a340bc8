import threading

import pytest

from iamis_shared.bus.envelope import Envelope
from iamis_shared.bus.outbox import add_to_outbox
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.bus.topology import Topology


class FakeBroker:
    """Confirms every publish except those numbered in `refuse` (counting from 1), as a broker going away."""

    def __init__(self, refuse=(), unreachable=False):
        self.refuse, self.unreachable = set(refuse), unreachable
        self.publishes, self.connections = 0, 0
        self.confirmed: list[dict] = []

    def connect(self):
        if self.unreachable:
            raise ConnectionRefusedError("connection refused")
        self.connections += 1
        return self

    def publish(self, body, routing_key, **properties):
        self.publishes += 1
        if self.publishes in self.refuse:
            raise ConnectionResetError("broker went away")
        self.confirmed.append(dict(properties, body=body, routing_key=routing_key))


def write_events(sessions, tables, count):
    with sessions.begin() as session:
        for n in range(count):
            add_to_outbox(session, tables.outbox, Envelope(type="marks.mark_entered", source="marks",
                                                           data={"n": n}))


def in_relay_order(outbox_rows):
    return sorted(outbox_rows, key=lambda r: (r["created_at"], r["id"]))


@pytest.fixture
def relay_for(engine, tables):
    def make(broker, batch_size=500):
        return OutboxRelay("marks", engine, tables.outbox, "memory://", Topology("unit"),
                           batch_size=batch_size, producer_factory=broker.connect)
    return make


def test_the_relay_publishes_every_unsent_row_and_marks_it_sent(sessions, tables, rows, relay_for):
    write_events(sessions, tables, 3)
    broker = FakeBroker()
    relay = relay_for(broker)

    assert relay.run_once() == 3
    assert relay.run_once() == 0

    written = in_relay_order(rows(tables.outbox))
    assert [m["message_id"] for m in broker.confirmed] == [r["id"] for r in written]
    assert [m["body"] for m in broker.confirmed] == [r["body"] for r in written]
    assert {(m["routing_key"], m["content_type"], m["delivery_mode"]) for m in broker.confirmed} == {
        ("marks.mark_entered", "application/json", 2)}
    assert all(r["sent_at"] is not None for r in written) and relay.pending() == 0


def test_a_failure_mid_batch_keeps_the_rest_unsent_and_the_next_round_sends_them(
        sessions, tables, rows, relay_for):
    write_events(sessions, tables, 5)
    broker = FakeBroker(refuse={3})
    relay = relay_for(broker)

    assert relay.run_once() == 2
    first, second, failed, *rest = in_relay_order(rows(tables.outbox))
    assert first["sent_at"] and second["sent_at"]
    assert failed["sent_at"] is None and failed["attempts"] == 1
    assert "broker went away" in failed["last_error"]
    assert all(r["sent_at"] is None and r["attempts"] == 0 for r in rest)
    assert relay.pending() == 3 and relay.last_error is not None

    assert relay.run_once() == 3
    assert sorted(m["message_id"] for m in broker.confirmed) == sorted(r["id"] for r in rows(tables.outbox))
    assert relay.pending() == 0 and relay.last_error is None and broker.connections == 2


def test_an_unreachable_broker_counts_an_attempt_and_loses_nothing(sessions, tables, rows, relay_for):
    write_events(sessions, tables, 2)
    broker = FakeBroker(unreachable=True)
    relay = relay_for(broker)

    assert relay.run_once() == 0
    assert sorted(r["attempts"] for r in rows(tables.outbox)) == [0, 1]
    assert "connection refused" in relay.last_error.args[0]

    broker.unreachable = False
    assert relay.run_once() == 2 and relay.pending() == 0


def test_a_batch_is_at_most_batch_size_rows(sessions, tables, relay_for):
    write_events(sessions, tables, 5)
    relay = relay_for(FakeBroker(), batch_size=2)

    assert [relay.run_once() for _ in range(4)] == [2, 2, 1, 0]


def test_run_forever_drains_the_outbox_and_stops_when_asked(sessions, tables, relay_for):
    write_events(sessions, tables, 4)  # before the loop starts: the in-memory database has one connection
    broker = FakeBroker(refuse={1})
    relay = relay_for(broker)
    loop = threading.Thread(target=relay.run_forever, kwargs={"poll_interval": 0.01})
    loop.start()
    try:
        for _ in range(300):
            if len(broker.confirmed) == 4:
                break
            relay.stopping.wait(0.01)
    finally:
        relay.stop()
        loop.join(timeout=5)

    assert not loop.is_alive()
    assert len({m["message_id"] for m in broker.confirmed}) == 4 and relay.pending() == 0
