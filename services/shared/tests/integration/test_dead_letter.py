"""A message that always fails ends in `<queue>.dlq` after its retries; the others keep flowing meanwhile."""
import json
import time

from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import ATTEMPT_HEADER, EventConsumer
from iamis_shared.bus.envelope import Envelope
from iamis_shared.metrics import registry

from .bus_helpers import TEST_RETRY_DELAYS_MS, add_to_tally, publish, queue_depth, running, wait_until


def test_a_poison_message_is_dead_lettered_after_its_retries_while_good_ones_flow(
        bus_db, topology, rabbitmq_url):
    poison_attempts, good_handled = [], []

    def always_fail(session, envelope):
        poison_attempts.append(time.monotonic())
        raise ValueError("this amendment can never be applied")

    def count_entered(session, envelope):
        add_to_tally(session, bus_db.tallies, "entered")
        good_handled.append(time.monotonic())

    handlers = {"marks.mark_amended": always_fail, "marks.mark_entered": count_entered}
    consumer = EventConsumer("test", bus_db.sessions, bus_db.inbox, handlers, rabbitmq_url, topology,
                             bindings=("marks.*",))
    with connect(rabbitmq_url) as connection:
        topology.declare(connection, services=["test"], bindings=("marks.*",))
    dlq = topology.dead_letter_queue("test").name
    poison = Envelope(type="marks.mark_amended", source="marks", data={"mark": -1})
    good = [Envelope(type="marks.mark_entered", source="marks", data={"n": n}) for n in range(20)]

    with running("consumer", consumer.run, lambda: setattr(consumer, "should_stop", True)):
        publish(rabbitmq_url, topology, poison, *good)
        wait_until(lambda: queue_depth(rabbitmq_url, dlq) == 1, 15, "the poison message to reach the dlq")
    depth_reported = consumer.report_dead_letter_depth()
    consumer.close()

    assert len(poison_attempts) == 1 + len(TEST_RETRY_DELAYS_MS)
    assert bus_db.tally("entered") == 20 and max(good_handled) < poison_attempts[-1]
    assert bus_db.count(bus_db.inbox, bus_db.inbox.c.message_id == poison.id) == 0
    assert depth_reported == 1
    assert registry().get_sample_value("iamis_bus_dead_letter_depth", {"queue": dlq}) == 1
    with connect(rabbitmq_url) as connection:
        dead = connection.default_channel.basic_get(dlq, no_ack=True)
    assert json.loads(dead.body)["id"] == poison.id
    assert dead.headers[ATTEMPT_HEADER] == len(TEST_RETRY_DELAYS_MS)
    assert queue_depth(rabbitmq_url, topology.queue_name("test")) == 0
