"""Publishing again, under new ids, the events a service has already published: a consumer added later, or
whose queue lost them, catches up.

The outbox keeps every row it sent, so the events go out exactly as they were, in their first order. Each copy
gets an id of its own, as the consumers' inboxes would skip the old ones, and every consumer then receives it.
Our consumers take an event whose content they already hold without changing anything: a marksheet submitted
again is sampled once, a read model is replaced by the same, and a sample version not newer than the one held
is ignored. A consumer that counts events must not be fed this way.
"""
import uuid
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Engine

from .envelope import parse_envelope


def republish(engine: Engine, outbox: Table, routing_keys: list[str]) -> int:
    """Copy the sent events with these routing keys back into the outbox, in their first order; the relay
    publishes them. Returns how many."""
    sent = (select(outbox.c.routing_key, outbox.c.body)
            .where(outbox.c.routing_key.in_(routing_keys), outbox.c.sent_at.is_not(None))
            .order_by(outbox.c.created_at, outbox.c.id))
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        rows = conn.execute(sent).all()
        for position, row in enumerate(rows):
            again = replace(parse_envelope(row.body), id=str(uuid.uuid4()))
            # The relay sends oldest first: a microsecond apart keeps the first order (sample versions).
            conn.execute(insert(outbox).values(id=again.id, routing_key=row.routing_key, body=again.to_json(),
                                               created_at=now + timedelta(microseconds=position), attempts=0))
    return len(rows)
