"""A message delivered twice has its effect once: the inbox remembers what was handled."""
from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import EventConsumer
from iamis_shared.bus.envelope import Envelope

from .bus_helpers import add_to_tally, publish, queue_depth, running, wait_until


def test_the_same_envelope_published_twice_is_handled_once(bus_db, topology, rabbitmq_url):
    def count_entered(session, envelope):
        add_to_tally(session, bus_db.tallies, "entered")

    handlers = {"marks.mark_entered": count_entered}
    consumer = EventConsumer("test", bus_db.sessions, bus_db.inbox, handlers, rabbitmq_url, topology,
                             bindings=("marks.*",))
    with connect(rabbitmq_url) as connection:
        topology.declare(connection, services=["test"], bindings=("marks.*",))
    twice = Envelope(type="marks.mark_entered", source="marks", data={"mark": 42})
    # Handled in order, so once the marker is in the inbox both copies have been through.
    marker = Envelope(type="marks.series_opened", source="marks", data={})

    with running("consumer", consumer.run, lambda: setattr(consumer, "should_stop", True)):
        publish(rabbitmq_url, topology, twice, twice, marker)
        wait_until(lambda: bus_db.count(bus_db.inbox, bus_db.inbox.c.message_id == marker.id) == 1, 10,
                   "the consumer to reach the marker")
    consumer.close()

    assert bus_db.tally("entered") == 1
    assert sorted(r["message_id"] for r in bus_db.rows(bus_db.inbox)) == sorted([twice.id, marker.id])
    assert queue_depth(rabbitmq_url, topology.queue_name("test")) == 0
