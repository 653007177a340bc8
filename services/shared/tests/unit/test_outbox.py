import json

import pytest
from sqlalchemy import insert

from iamis_shared.bus.envelope import Envelope
from iamis_shared.bus.outbox import add_to_outbox
from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork


def test_the_event_and_the_change_commit_together(sessions, tables, rows):
    envelope = Envelope(type="marks.mark_entered", source="marks", data={"mark": 42})
    with sessions.begin() as session:
        session.execute(insert(tables.tallies).values(name="marks", count=1))
        add_to_outbox(session, tables.outbox, envelope)

    [row] = rows(tables.outbox)
    assert row["id"] == envelope.id and row["routing_key"] == "marks.mark_entered"
    assert json.loads(row["body"]) == json.loads(envelope.to_json())
    assert row["sent_at"] is None and row["attempts"] == 0
    assert rows(tables.tallies) == [{"name": "marks", "count": 1}]


def test_a_rolled_back_transaction_leaves_no_event(sessions, tables, rows):
    with pytest.raises(RuntimeError):
        with sessions.begin() as session:
            session.execute(insert(tables.tallies).values(name="marks", count=1))
            add_to_outbox(session, tables.outbox,
                          Envelope(type="marks.mark_entered", source="marks", data={}))
            raise RuntimeError("the use case failed after writing its event")

    assert rows(tables.outbox) == [] and rows(tables.tallies) == []


def test_a_unit_of_work_left_without_commit_publishes_nothing(sessions, tables, rows):
    class UnitOfWork(SqlAlchemyUnitOfWork):
        outbox = tables.outbox

    with UnitOfWork(sessions) as uow:
        uow.publish(Envelope(type="marks.mark_entered", source="marks", data={}))
    with UnitOfWork(sessions) as uow:
        uow.publish(Envelope(type="marks.mark_amended", source="marks", data={}))
        uow.commit()

    assert [r["routing_key"] for r in rows(tables.outbox)] == ["marks.mark_amended"]
