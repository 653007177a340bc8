"""Republishing: the sent events of the routing keys asked for go back into the outbox under new ids, exactly
as they were and in their first order; unsent rows and other events stay as they are."""
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select

from iamis_shared.bus.envelope import Envelope, parse_envelope
from iamis_shared.bus.republish import republish
from iamis_shared.cli import main

SENT_AT = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


def put(engine, outbox, routing_key: str, data: dict, minutes: int, sent: bool = True) -> Envelope:
    envelope = Envelope(type=routing_key, source=routing_key.split(".")[0], data=data)
    with engine.begin() as conn:
        conn.execute(insert(outbox).values(id=envelope.id, routing_key=routing_key, body=envelope.to_json(),
                                           created_at=SENT_AT + timedelta(minutes=minutes), attempts=0,
                                           sent_at=SENT_AT + timedelta(minutes=minutes) if sent else None))
    return envelope


def test_sent_events_go_back_under_new_ids_in_their_first_order(engine, tables):
    first = put(engine, tables.outbox, "sampling.sample_generated", {"version": 1}, minutes=1)
    other = put(engine, tables.outbox, "sampling.policy_set", {"bands": []}, minutes=2)
    second = put(engine, tables.outbox, "sampling.sample_extended", {"version": 2}, minutes=3)
    waiting = put(engine, tables.outbox, "sampling.sample_extended", {"version": 3}, minutes=4, sent=False)

    assert republish(engine, tables.outbox, ["sampling.sample_generated", "sampling.sample_extended"]) == 2

    with engine.connect() as conn:
        rows = conn.execute(select(tables.outbox).where(tables.outbox.c.sent_at.is_(None))
                            .order_by(tables.outbox.c.created_at, tables.outbox.c.id)).all()
    assert [row.id for row in rows][0] == waiting.id  # the unsent one is older, and stays as it was
    copies = [parse_envelope(row.body) for row in rows[1:]]
    assert [(c.type, c.data, c.source, c.occurred_at) for c in copies] == [
        (e.type, e.data, e.source, e.occurred_at) for e in (first, second)]
    assert {c.id for c in copies}.isdisjoint({first.id, second.id, other.id}) and len({c.id for c in copies}) == 2
    assert all(row.id == json.loads(row.body)["id"] and row.attempts == 0 for row in rows[1:])


def test_nothing_sent_of_those_keys_puts_nothing_back(engine, tables):
    put(engine, tables.outbox, "marks.marksheet_submitted", {}, minutes=1, sent=False)
    assert republish(engine, tables.outbox, ["marks.marksheet_submitted"]) == 0
    with engine.connect() as conn:
        assert len(conn.execute(select(tables.outbox)).all()) == 1


def test_a_service_republishes_only_its_own_events_and_at_least_one_kind():
    for argv, said in ((["marks", "republish", "sampling.sample_generated"], "sampling.sample_generated"),
                       (["marks", "republish"], "name at least one")):
        with pytest.raises(SystemExit) as refused:
            main(argv)
        assert f"marks publishes only marks.* events: {said}" == str(refused.value.code)
