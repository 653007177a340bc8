"""The moderator's further samples reach sampling over RabbitMQ as moderation publishes them: a request that
arrives before the sample is chosen is tried again later; then the candidates join as moderator-requested, the
centre cannot take them out, and each change leaves as sampling.sample_extended."""
import threading
import time
from datetime import datetime, timezone

from kombu import Producer
from sqlalchemy import func, select

from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import EventConsumer
from iamis_shared.bus.envelope import Envelope
from iamis_shared.bus.topology import Topology
from iamis_shared.db import make_session_factory
from moderation.domain.further_samples import FurtherSamplesRequested
from moderation.service_layer.outgoing import further_samples_requested
from sampling.adapters import orm
from sampling.domain.selection import choose_sample
from sampling.entrypoints.consumer import HANDLERS, submitted_marksheet

from .conftest import API, submitted
from .test_sample_api import events

SAMPLE = f"{API}/centres/68101/units/7/sample"
ASKED = datetime(2026, 12, 1, 14, 30, tzinfo=timezone.utc)


def publish(rabbitmq_url: str, topology: Topology, envelope: Envelope) -> None:
    with connect(rabbitmq_url) as connection:
        Producer(connection.channel(), exchange=topology.events, serializer=None).publish(
            envelope.to_json(), routing_key=envelope.type, content_type="application/json",
            content_encoding="utf-8", delivery_mode=2, message_id=envelope.id)


def handled(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(orm.inbox)).scalar_one()


def wait_until(check, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        time.sleep(0.1)
    return check()


def test_a_request_before_the_sample_is_tried_again_and_then_joins_the_sample(engine, client, bearer, rabbitmq_url,
                                                                              bus_namespace):
    topology = Topology(bus_namespace, retry_delays_ms=(1_000, 2_000, 10_000))
    with connect(rabbitmq_url) as connection:  # as the deployment's definitions do, before any publish
        topology.declare(connection, services=["sampling"])
    sheet = submitted(40)
    chosen = {c.candidate_number for c in choose_sample(submitted_marksheet(sheet))}
    wanted = [n for n in (f"{1000 + i}" for i in range(40)) if n not in chosen][:2]
    request = further_samples_requested(FurtherSamplesRequested(
        "r-1", "68101", 7, "3700U1", (*wanted, "9999"), "m-1", "Mared Hughes", ASKED))

    tried = []

    def recorded(session, envelope):
        tried.append(envelope.type)
        HANDLERS[envelope.type](session, envelope)

    consumer = EventConsumer("sampling", make_session_factory(engine), orm.inbox, dict.fromkeys(HANDLERS, recorded),
                             rabbitmq_url, topology)
    thread = threading.Thread(target=consumer.run, daemon=True)
    thread.start()
    try:
        publish(rabbitmq_url, topology, request)
        assert wait_until(lambda: tried), "the request never reached the consumer"
        assert handled(engine) == 0  # it failed, so it is not in the inbox: it waits to be tried again
        publish(rabbitmq_url, topology, Envelope(type="marks.marksheet_submitted", source="marks", data=sheet))
        assert wait_until(lambda: handled(engine) == 2), "the request was not handled on a later try"
    finally:
        consumer.should_stop = True
        thread.join(10)
        consumer.close()
    assert tried == ["moderation.further_samples_requested", "marks.marksheet_submitted",
                     "moderation.further_samples_requested"]

    shown = client.get(SAMPLE, headers=bearer()).json["candidates"]
    assert [(c["candidate_number"], c["reason"], c["added_by"]) for c in shown[-2:]] == [
        (wanted[0], "moderator-requested", "m-1"), (wanted[1], "moderator-requested", "m-1")]
    assert shown[-1]["added_at"].startswith("2026-12-01T14:30:00") and "9999" not in {c["candidate_number"] for c in shown}
    extended = events(engine, "sampling.sample_extended")
    assert [(e["version"], e["candidate_number"], e["reason"], e["changed_by"], len(e["candidates"]))
            for e in extended] == [(2, wanted[0], "moderator-requested", "m-1", 16),
                                   (3, wanted[1], "moderator-requested", "m-1", 17)]

    refused = client.delete(f"{SAMPLE}/candidates/{wanted[0]}", headers=bearer())
    assert (refused.status_code, refused.json["code"], refused.json["message"]) == (
        409, "MODERATOR_CHOICE", "You cannot remove candidates requested by the moderator")
    assert len(client.get(SAMPLE, headers=bearer()).json["candidates"]) == 17
