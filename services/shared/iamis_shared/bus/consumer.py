"""The consumer: handle, record the message id in the inbox, commit, and only then acknowledge.

A failing message goes to `<queue>.retry.<n>` (growing TTLs that dead-letter back to the queue); once
the retries are spent it is rejected into `<queue>.dlq`. Other messages keep flowing meanwhile.
"""
import logging
import time
from datetime import datetime, timezone
from typing import Callable

from kombu.mixins import ConsumerMixin
from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from .connection import connect
from .envelope import Envelope, parse_envelope
from .metrics import CONSUME_FAILED, CONSUMED, DEAD_LETTERED, DLQ_DEPTH
from .topology import Topology, is_amqp

log = logging.getLogger(__name__)
ATTEMPT_HEADER = "x-iamis-attempt"
Handler = Callable[[Session, Envelope], None]


class EventConsumer(ConsumerMixin):
    def __init__(self, service: str, session_factory: sessionmaker, inbox: Table,
                 handlers: dict[str, Handler], bus_url: str, topology: Topology,
                 bindings: tuple[str, ...] | None = None, prefetch: int = 20):
        self.service, self.session_factory, self.inbox = service, session_factory, inbox
        self.handlers, self.bus_url, self.topology = handlers, bus_url, topology
        self.queue = topology.main_queue(service, bindings)
        self.bindings, self.prefetch = bindings, prefetch
        self.connection = connect(bus_url)
        # Retries and dead letters are published on their own connection: waiting for a confirm
        # on the consuming connection would dispatch further deliveries re-entrantly.
        self._publisher_connection = None
        self._next_depth_check = 0.0

    def get_consumers(self, Consumer, channel):
        self.topology.declare(self.connection, services=[self.service], bindings=self.bindings)
        return [Consumer(queues=[self.queue], callbacks=[self.on_message], accept=["application/json"],
                         prefetch_count=self.prefetch)]

    def on_iteration(self):
        if time.monotonic() >= self._next_depth_check:
            self._next_depth_check = time.monotonic() + 10
            self.report_dead_letter_depth()

    def on_message(self, _body, message):
        try:
            envelope = parse_envelope(message.body)
        except Exception as exc:  # unreadable: no retry can mend it
            log.error("%s: unreadable message dead-lettered: %s", self.service, exc)
            return self._dead_letter(message)
        attempt = int((message.headers or {}).get(ATTEMPT_HEADER, 0))
        try:
            self.handle(envelope)
        except Exception:
            log.exception("%s: handling %s (%s) failed, attempt %d", self.service, envelope.type,
                          envelope.id, attempt + 1)
            CONSUME_FAILED.labels(self.service, envelope.type).inc()
            if attempt < len(self.topology.retry_delays_ms):
                return self._retry(message, attempt + 1)
            return self._dead_letter(message)
        message.ack()
        CONSUMED.labels(self.service, envelope.type).inc()

    def handle(self, envelope: Envelope) -> None:
        """Apply the message once: the inbox row and the handler's changes commit together."""
        handler = self.handlers.get(envelope.type)
        try:
            with self.session_factory.begin() as session:
                seen = session.execute(select(self.inbox.c.message_id)
                                       .where(self.inbox.c.message_id == envelope.id)).first()
                if seen:
                    return
                if handler is not None:
                    handler(session, envelope)
                session.execute(insert(self.inbox).values(
                    message_id=envelope.id, queue=self.queue.name, routing_key=envelope.type,
                    processed_at=datetime.now(timezone.utc)))
        except IntegrityError:
            # Another copy of this consumer committed the same message first.
            with self.session_factory() as session:
                if session.execute(select(self.inbox.c.message_id)
                                   .where(self.inbox.c.message_id == envelope.id)).first():
                    return
            raise

    def _publisher(self):
        if self._publisher_connection is None:
            self._publisher_connection = connect(self.bus_url)
        return self._publisher_connection.Producer(serializer=None)

    def _retry(self, message, attempt: int):
        headers = dict(message.headers or {}, **{ATTEMPT_HEADER: attempt})
        if is_amqp(self.connection):
            target = self.topology.retry_queue(self.service, attempt).name
        else:
            target = self.queue.name  # the embedded transport has no TTL queues: retry at once
        self._publisher().publish(message.body, exchange="", routing_key=target, headers=headers,
                                  content_type="application/json", content_encoding="utf-8",
                                  delivery_mode=2, retry=True)
        message.ack()

    def _dead_letter(self, message):
        DEAD_LETTERED.labels(self.service).inc()
        if is_amqp(self.connection):
            message.reject(requeue=False)  # the queue's dead-letter exchange routes it to .dlq
        else:
            self._publisher().publish(message.body, exchange=self.topology.dead_letter,
                                      routing_key=self.queue.name, headers=message.headers,
                                      content_type="application/json", content_encoding="utf-8",
                                      retry=True)
            message.ack()

    def report_dead_letter_depth(self) -> int | None:
        dlq = self.topology.dead_letter_queue(self.service)
        try:
            channel = self.connection.default_channel
            if is_amqp(self.connection):
                depth = channel.queue_declare(queue=dlq.name, passive=True).message_count
            else:
                depth = channel._size(dlq.name)
        except Exception:  # the broker is away; the next iteration tries again
            return None
        DLQ_DEPTH.labels(dlq.name).set(depth)
        return depth

    def close(self):
        self.should_stop = True
        for conn in (self._publisher_connection, self.connection):
            if conn is not None:
                conn.release()
