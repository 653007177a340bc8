"""Evidence and the bus: its events leave through the outbox exactly once; the events it reads arrive over
RabbitMQ as their publishers make them and build what it knows of units, samples and moderators."""
import json
import threading
import time

from kombu import Producer
from sqlalchemy import select

from evidence.adapters import orm
from evidence.entrypoints.consumer import HANDLERS
from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import EventConsumer
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.bus.topology import Topology
from iamis_shared.db import make_session_factory

from .others_events import allocated, sample, submitted


def received(rabbitmq_url: str, queue: str, expected: int) -> list[dict]:
    messages, deadline = [], time.monotonic() + 10
    with connect(rabbitmq_url) as connection:
        channel = connection.channel()
        while time.monotonic() < deadline:
            message = channel.basic_get(queue, no_ack=True)
            if message is not None:
                messages.append(json.loads(message.body))
            elif len(messages) >= expected:
                time.sleep(0.3)  # anything sent twice would be here by now
                late = channel.basic_get(queue, no_ack=True)
                if late is None:
                    break
                messages.append(json.loads(late.body))  # counted, so a duplicate fails the test
            else:
                time.sleep(0.1)
    return messages


def test_uploaded_and_deleted_are_published_exactly_once(browser, teacher, submitted_unit, engine, rabbitmq_url,
                                                         bus_namespace):
    topology = Topology(bus_namespace)
    with connect(rabbitmq_url) as connection:
        topology.declare(connection, services=["test"], bindings=("evidence.#",))
    file = browser.upload(teacher, b"evidence for the moderator", filename="essay.docx")
    assert browser.call("DELETE", f"/files/{file['file_id']}", teacher).status_code == 204
    relay = OutboxRelay("evidence", engine, orm.outbox, rabbitmq_url, topology)
    try:
        assert relay.run_once() == 2
        assert relay.run_once() == 0  # nothing left to send twice
    finally:
        relay.close()

    uploaded, deleted = received(rabbitmq_url, topology.queue_name("test"), 2)
    assert (uploaded["type"], uploaded["source"], deleted["type"]) == (
        "evidence.file_uploaded", "evidence", "evidence.file_deleted")
    assert {k: uploaded["data"][k] for k in ("file_id", "centre", "unit_id", "unit_code", "candidate_number",
                                             "filename", "size", "uploaded_by")} == {
        "file_id": file["file_id"], "centre": "68101", "unit_id": 3, "unit_code": "3653U1", "candidate_number": "0001",
        "filename": "essay.docx", "size": 26, "uploaded_by": {"user_id": "teacher-68101", "name": "Tomos Jones"}}
    assert uploaded["data"]["checksum_sha256"].endswith("-1")
    assert {k: deleted["data"][k] for k in ("file_id", "filename", "deleted_by")} == {
        "file_id": file["file_id"], "filename": "essay.docx",
        "deleted_by": {"user_id": "teacher-68101", "name": "Tomos Jones"}}


def test_the_consumer_builds_units_samples_and_moderators_from_real_envelopes(browser, teacher, moderator, engine,
                                                                              rabbitmq_url, bus_namespace):
    topology = Topology(bus_namespace)
    with connect(rabbitmq_url) as connection:  # as the deployment's definitions do, before any publish
        topology.declare(connection, services=["evidence"])
    first = submitted()
    published = [first, sample(1, {"0001": "highest"}), allocated(email="moderator@board.example"),
                 sample(2, {"0001": "highest", "0004": "centre-added"}),
                 sample(1, {"0001": "highest"}),  # an older version arriving late
                 first]  # the submission delivered twice
    with connect(rabbitmq_url) as connection:
        producer = Producer(connection.channel(), exchange=topology.events, serializer=None)
        for envelope in published:
            producer.publish(envelope.to_json(), routing_key=envelope.type, content_type="application/json",
                             content_encoding="utf-8", delivery_mode=2, message_id=envelope.id)

    consumer = EventConsumer("evidence", make_session_factory(engine), orm.inbox, HANDLERS, rabbitmq_url, topology)
    thread = threading.Thread(target=consumer.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while len(handled(engine)) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.3)  # a second copy of the submission, if it were handled again, would be by now
    finally:
        consumer.should_stop = True
        thread.join(10)
        consumer.close()
    assert sorted(handled(engine)) == sorted({e.id for e in published})

    listing = browser.call("GET", "/centres/68101/units/3/evidence", moderator).json
    assert listing["unit"] == {"unit_id": 3, "unit_code": "3653U1", "unit_title": "ART & DESIGN TEXTILE DESIGN",
                               "series": "GCSE JUNE 2025", "deadline": "2027-05-15", "evidence_upload": True,
                               "group_upload": False, "submitted": True}
    assert listing["sample"] == [
        {"candidate_number": "0001", "reason": "highest", "work_missing": False, "substitute_for": None,
         "note_to_moderator": None},
        {"candidate_number": "0004", "reason": "centre-added", "work_missing": False, "substitute_for": None,
         "note_to_moderator": None}]
    assert browser.start(teacher, b"work", candidate="0004").status_code == 201


def handled(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(orm.inbox.c.message_id)).scalars())
