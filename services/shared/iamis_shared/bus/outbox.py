"""Writing to the outbox happens inside the caller's transaction, never after commit."""
from datetime import datetime, timezone

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from .envelope import Envelope


def add_to_outbox(session: Session, outbox: Table, envelope: Envelope) -> None:
    session.execute(insert(outbox).values(
        id=envelope.id, routing_key=envelope.type, body=envelope.to_json(),
        created_at=datetime.now(timezone.utc), attempts=0,
    ))
