import pytest
from sqlalchemy import insert, update

from iamis_shared.bus.consumer import ATTEMPT_HEADER, EventConsumer
from iamis_shared.bus.envelope import Envelope
from iamis_shared.bus.topology import Topology


def count_mark(session, envelope):
    tallies = session.info["tables"].tallies  # the fixture puts the test tables on every session
    updated = session.execute(update(tallies).where(tallies.c.name == "marks")
                              .values(count=tallies.c.count + 1))
    if updated.rowcount == 0:
        session.execute(insert(tallies).values(name="marks", count=1))


def fail_after_writing(session, envelope):
    count_mark(session, envelope)
    raise RuntimeError("the handler failed")


@pytest.fixture
def consumer(sessions, tables):
    sessions.configure(info={"tables": tables})
    handlers = {"marks.mark_entered": count_mark, "marks.mark_amended": fail_after_writing}
    consumer = EventConsumer("test", sessions, tables.inbox, handlers, "memory://",
                             Topology("unit", retry_delays_ms=(10, 20)), bindings=("marks.*",))
    yield consumer
    consumer.close()


def entered():
    return Envelope(type="marks.mark_entered", source="marks", data={"mark": 42})


def test_a_second_delivery_of_the_same_envelope_changes_nothing(consumer, tables, rows):
    envelope = entered()
    consumer.handle(envelope)
    consumer.handle(envelope)

    assert rows(tables.tallies) == [{"name": "marks", "count": 1}]
    [seen] = rows(tables.inbox)
    assert (seen["message_id"], seen["queue"], seen["routing_key"]) == (envelope.id, "unit.test",
                                                                        "marks.mark_entered")


def test_different_envelopes_each_have_their_effect(consumer, tables, rows):
    consumer.handle(entered())
    consumer.handle(entered())

    assert rows(tables.tallies) == [{"name": "marks", "count": 2}] and len(rows(tables.inbox)) == 2


def test_a_failing_handler_leaves_neither_its_changes_nor_an_inbox_row(consumer, tables, rows):
    with pytest.raises(RuntimeError):
        consumer.handle(Envelope(type="marks.mark_amended", source="marks", data={}))

    assert rows(tables.tallies) == [] and rows(tables.inbox) == []


def test_an_event_without_a_handler_is_only_recorded_as_seen(consumer, tables, rows):
    consumer.handle(Envelope(type="marks.series_opened", source="marks", data={}))

    assert rows(tables.tallies) == []
    assert [r["routing_key"] for r in rows(tables.inbox)] == ["marks.series_opened"]


class FakeMessage:
    def __init__(self, body, attempt=None):
        self.body = body if isinstance(body, bytes) else body.to_json().encode()
        self.headers = {} if attempt is None else {ATTEMPT_HEADER: attempt}
        self.outcome = None

    def ack(self):
        self.outcome = "acked"


@pytest.fixture
def outcomes(consumer, monkeypatch):
    """What on_message decided for each message: acked, ("retry", n) or "dead-lettered"."""
    def retry(message, attempt):
        message.outcome = ("retry", attempt)

    def dead_letter(message):
        message.outcome = "dead-lettered"

    monkeypatch.setattr(consumer, "_retry", retry)
    monkeypatch.setattr(consumer, "_dead_letter", dead_letter)

    def deliver(message):
        consumer.on_message(None, message)
        return message.outcome
    return deliver


def test_a_handled_message_is_acknowledged(outcomes, tables, rows):
    assert outcomes(FakeMessage(entered())) == "acked"
    assert rows(tables.tallies) == [{"name": "marks", "count": 1}]


def test_a_failing_message_is_retried_until_the_delays_are_spent_then_dead_lettered(outcomes):
    amended = Envelope(type="marks.mark_amended", source="marks", data={})

    assert outcomes(FakeMessage(amended)) == ("retry", 1)
    assert outcomes(FakeMessage(amended, attempt=1)) == ("retry", 2)
    assert outcomes(FakeMessage(amended, attempt=2)) == "dead-lettered"


def test_an_unreadable_message_is_dead_lettered_at_once(outcomes, tables, rows):
    assert outcomes(FakeMessage(b'{"type": "marks.mark_entered"}')) == "dead-lettered"
    assert rows(tables.inbox) == []
