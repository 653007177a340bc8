from iamis_shared.bus.definitions import definitions
from iamis_shared.bus.topology import RETRY_DELAYS_MS, SUBSCRIPTIONS, Topology


def test_exchanges_and_queues_are_named_within_the_namespace():
    topology = Topology("iamis")

    assert (topology.events.name, topology.events.type) == ("iamis.events", "topic")
    assert (topology.dead_letter.name, topology.dead_letter.type) == ("iamis.dead-letter", "direct")
    assert [q.name for q in topology.queues_for("sampling")] == [
        "iamis.sampling", "iamis.sampling.retry.1", "iamis.sampling.retry.2", "iamis.sampling.retry.3",
        "iamis.sampling.dlq"]


def test_the_main_queue_reads_its_subscriptions_and_dead_letters_to_the_dlq():
    topology = Topology("iamis")
    queue = topology.main_queue("moderation")

    assert {(b.exchange.name, b.routing_key) for b in queue.bindings} == {
        ("iamis.events", key) for key in SUBSCRIPTIONS["moderation"]}
    assert queue.queue_arguments == {"x-queue-type": "quorum", "x-dead-letter-exchange": "iamis.dead-letter",
                                     "x-dead-letter-routing-key": "iamis.moderation"}


def test_explicit_bindings_replace_the_subscriptions():
    queue = Topology("t").main_queue("test", bindings=("identity.user_activated",))

    assert {b.routing_key for b in queue.bindings} == {"identity.user_activated"}


def test_the_dlq_takes_what_the_dead_letter_exchange_routes_for_its_queue():
    dlq = Topology("iamis").dead_letter_queue("marks")

    assert dlq.name == "iamis.marks.dlq"
    assert (dlq.exchange.name, dlq.routing_key) == ("iamis.dead-letter", "iamis.marks")


def test_retry_queues_wait_growing_delays_then_return_to_the_main_queue():
    topology = Topology("iamis")
    retries = [topology.retry_queue("marks", n) for n in (1, 2, 3)]

    assert RETRY_DELAYS_MS == (1_000, 5_000, 30_000)
    assert [q.queue_arguments["x-message-ttl"] for q in retries] == list(RETRY_DELAYS_MS)
    assert {(q.queue_arguments["x-dead-letter-exchange"], q.queue_arguments["x-dead-letter-routing-key"])
            for q in retries} == {("", "iamis.marks")}


def test_retry_delays_can_be_shortened_and_set_how_many_retries_there_are():
    topology = Topology("t", retry_delays_ms=(100, 200))

    assert [q.name for q in topology.queues_for("marks")] == ["t.marks", "t.marks.retry.1", "t.marks.retry.2",
                                                              "t.marks.dlq"]
    assert [topology.retry_queue("marks", n).queue_arguments["x-message-ttl"] for n in (1, 2)] == [100, 200]


def test_the_exported_definitions_hold_every_service_queue_and_its_dlq_binding():
    exported = definitions("iamis")
    queue_names = {q["name"] for q in exported["queues"]}

    for service in SUBSCRIPTIONS:
        assert {f"iamis.{service}", f"iamis.{service}.dlq", f"iamis.{service}.retry.3"} <= queue_names
        dlq_binding = {"source": "iamis.dead-letter", "vhost": "/", "destination": f"iamis.{service}.dlq",
                       "destination_type": "queue", "routing_key": f"iamis.{service}", "arguments": {}}
        assert dlq_binding in exported["bindings"]
