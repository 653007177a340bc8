"""The outbox relay: publishes unsent rows with publisher confirms, marks them sent, re-sends failures.

Rows are claimed with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several relay copies never publish
the same row at once. A crash between publish and commit re-sends the row: consumers dedupe by id.
"""
import logging
import threading
import time
from datetime import datetime, timezone

from sqlalchemy import Table, func, select, update
from sqlalchemy.engine import Engine

from .connection import connect
from .metrics import OUTBOX_PENDING, PUBLISH_FAILED, PUBLISHED
from .topology import Topology

log = logging.getLogger(__name__)
# A confirm that never comes (a half-open connection) fails the publish, so the row is re-sent.
CONFIRM_TIMEOUT_SECONDS = 10


class OutboxRelay:
    def __init__(self, service: str, engine: Engine, outbox: Table, bus_url: str,
                 topology: Topology, batch_size: int = 500, producer_factory=None):
        self.service, self.engine, self.outbox = service, engine, outbox
        self.bus_url, self.topology, self.batch_size = bus_url, topology, batch_size
        # Anything with kombu's `publish(body, routing_key=..., **properties)`; unit tests pass a fake.
        self._make_producer = producer_factory or self._connect_producer
        self.stopping = threading.Event()
        self._connection = None
        self._producer = None
        self.last_error: Exception | None = None

    def _connect_producer(self):
        # No heartbeats: an idle relay reads nothing, so the broker would drop it after two
        # missed beats and the next publish would fail; a dead link shows at the next publish.
        self._connection = connect(self.bus_url, connect_timeout=5, heartbeat=0)
        self._connection.ensure_connection(max_retries=1)
        # Declare every consuming queue too: an event published before its consumer first started
        # would otherwise have nowhere to go and be dropped by the broker.
        self.topology.declare(self._connection)
        return self._connection.Producer(exchange=self.topology.events, serializer=None)

    def _ensure_producer(self):
        if self._producer is None:
            self._producer = self._make_producer()
        return self._producer

    def close(self):
        try:
            if self._connection is not None:
                self._connection.release()
        except Exception:  # the connection is already broken; nothing more to release
            pass
        self._connection = self._producer = None

    def run_once(self) -> int:
        """Publish one batch; returns how many rows the broker confirmed."""
        outbox = self.outbox
        claim = (select(outbox.c.id, outbox.c.routing_key, outbox.c.body)
                 .where(outbox.c.sent_at.is_(None))
                 .order_by(outbox.c.created_at, outbox.c.id)
                 .limit(self.batch_size).with_for_update(skip_locked=True))
        with self.engine.begin() as conn:
            rows = conn.execute(claim).all()
            if not rows:
                self.last_error = None
                return 0
            sent, error = [], None
            try:
                producer = self._ensure_producer()
                for row in rows:
                    producer.publish(row.body, routing_key=row.routing_key, content_type="application/json",
                                     content_encoding="utf-8", delivery_mode=2, message_id=row.id,
                                     retry=False, confirm_timeout=CONFIRM_TIMEOUT_SECONDS)
                    sent.append(row.id)
                    PUBLISHED.labels(self.service, row.routing_key).inc()
            except Exception as exc:  # broker down or refused: keep the rest for the next round
                error = exc
                PUBLISH_FAILED.labels(self.service).inc()
                self.close()
            now = datetime.now(timezone.utc)
            if sent:
                conn.execute(update(outbox).where(outbox.c.id.in_(sent)).values(sent_at=now))
            if error is not None:
                failed_id = rows[len(sent)].id
                conn.execute(update(outbox).where(outbox.c.id == failed_id)
                             .values(attempts=outbox.c.attempts + 1, last_error=str(error)[:2000]))
        self.last_error = error
        if error is not None:
            log.warning("relay %s: publish failed, will retry: %s", self.service, error)
        return len(sent)

    def pending(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).where(self.outbox.c.sent_at.is_(None))).scalar_one()

    def run_forever(self, poll_interval: float = 0.2, max_backoff: float = 10.0) -> None:
        backoff, next_gauge = poll_interval, 0.0
        while not self.stopping.is_set():
            try:
                published = self.run_once()
                if time.monotonic() >= next_gauge:
                    OUTBOX_PENDING.labels(self.service).set(self.pending())
                    next_gauge = time.monotonic() + 5
            except Exception:  # the database itself failed; log and keep the loop alive
                log.exception("relay %s: database error", self.service)
                published = 0
            if self.last_error is not None:
                # The broker is unreachable: wait longer each time, up to max_backoff.
                backoff = min(max_backoff, backoff * 2)
                self.stopping.wait(backoff)
                continue
            backoff = poll_interval
            if not published:
                self.stopping.wait(poll_interval)
        self.close()

    def stop(self) -> None:
        self.stopping.set()
