"""What the bus integration tests share: a test database shape, waiting, loops in threads, reading a queue."""
import socket
import threading
import time
from contextlib import contextmanager

from kombu import Producer, Queue
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select, update

from iamis_shared.bus.connection import connect
from iamis_shared.bus.envelope import Envelope
from iamis_shared.bus.outbox import add_to_outbox
from iamis_shared.bus.tables import inbox_table, outbox_table
from iamis_shared.db import make_engine, make_session_factory

TEST_RETRY_DELAYS_MS = (100, 200, 300)  # short, so a poison message is dead-lettered in about a second


class BusDatabase:
    """The outbox, the inbox and one table a handler changes: a service's database in miniature."""

    def __init__(self, url: str):
        self.metadata = MetaData()
        self.outbox = outbox_table(self.metadata)
        self.inbox = inbox_table(self.metadata)
        self.tallies = Table("tallies", self.metadata,
                             Column("name", String(50), primary_key=True),
                             Column("count", Integer, nullable=False))
        self.engine = make_engine(url)
        self.sessions = make_session_factory(self.engine)
        self.metadata.create_all(self.engine)

    def count(self, table, *where) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()

    def unsent(self) -> int:
        return self.count(self.outbox, self.outbox.c.sent_at.is_(None))

    def tally(self, name: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(self.tallies.c.count).where(self.tallies.c.name == name)).scalar() or 0

    def rows(self, table) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(table))]


def add_to_tally(session, tallies: Table, name: str) -> None:
    added = session.execute(update(tallies).where(tallies.c.name == name).values(count=tallies.c.count + 1))
    if added.rowcount == 0:
        session.execute(insert(tallies).values(name=name, count=1))


def write_events(sessions, outbox: Table, count: int, type_: str = "marks.mark_entered") -> list[Envelope]:
    envelopes = [Envelope(type=type_, source="marks", data={"n": n}) for n in range(count)]
    with sessions.begin() as session:
        for envelope in envelopes:
            add_to_outbox(session, outbox, envelope)
    return envelopes


def wait_until(condition, timeout: float, what: str, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout} s waiting for {what}")
        time.sleep(interval)


@contextmanager
def running(name: str, loop, stop, join_timeout: float = 10.0):
    """Run `loop` in a thread for the block; `stop` asks it to end, and it must end by itself."""
    thread = threading.Thread(target=loop, name=name, daemon=True)
    thread.start()
    try:
        yield thread
    finally:
        stop()
        thread.join(join_timeout)
    assert not thread.is_alive(), f"{name} did not stop within {join_timeout} s"


def drain_queue(url: str, queue_name: str, expected: int, timeout: float = 15.0, settle: float = 0.5) -> list:
    """Every message on the queue (acknowledged): waits for `expected`, then `settle` s more for extras."""
    received = []

    def keep(_body, message):
        received.append(message)
        message.ack()

    with connect(url) as connection:
        with connection.Consumer(Queue(queue_name, no_declare=True), callbacks=[keep],
                                 accept=["application/json"]):
            deadline = time.monotonic() + timeout
            quiet_since = None
            while time.monotonic() < deadline:
                try:
                    connection.drain_events(timeout=0.1)
                    quiet_since = None
                except socket.timeout:
                    quiet_since = quiet_since or time.monotonic()
                    if len(received) >= expected and time.monotonic() - quiet_since >= settle:
                        break
    return received


def queue_depth(url: str, queue_name: str) -> int:
    with connect(url) as connection:
        return connection.default_channel.queue_declare(queue=queue_name, passive=True).message_count


def publish(url: str, topology, *envelopes: Envelope) -> None:
    """Publish as the relay does, straight to the events exchange."""
    with connect(url) as connection:
        producer = Producer(connection.default_channel, exchange=topology.events, serializer=None)
        for envelope in envelopes:
            producer.publish(envelope.to_json(), routing_key=envelope.type, content_type="application/json",
                             content_encoding="utf-8", delivery_mode=2, message_id=envelope.id)
