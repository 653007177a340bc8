"""A sampled candidate whose work the centre marked missing or incomplete takes no files ("The incomplete work
should not be uploaded"); the substitute sent instead does, and files uploaded before stay listed. The
sample arrives over RabbitMQ as sampling publishes it."""
import threading
import time

from kombu import Producer
from sqlalchemy import func, insert, select

from evidence.adapters import orm
from evidence.entrypoints.consumer import HANDLERS
from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import EventConsumer
from iamis_shared.bus.topology import Topology
from iamis_shared.db import make_session_factory

from .others_events import allocated, sample, submitted, substituted
from .uploading import checksum_of

EVIDENCE = "/centres/68101/units/3/evidence"
REFUSAL = "This candidate's work is marked as missing or incomplete: upload the work of the substitute instead."


def over_rabbitmq(rabbitmq_url: str, bus_namespace: str, engine, envelope) -> None:
    """Publish as sampling's relay does and let evidence's consumer handle it."""
    topology = Topology(bus_namespace)
    with connect(rabbitmq_url) as connection:
        topology.declare(connection, services=["evidence"])
        Producer(connection.channel(), exchange=topology.events, serializer=None).publish(
            envelope.to_json(), routing_key=envelope.type, content_type="application/json",
            content_encoding="utf-8", delivery_mode=2, message_id=envelope.id)
    consumer = EventConsumer("evidence", make_session_factory(engine), orm.inbox, HANDLERS, rabbitmq_url, topology)
    thread = threading.Thread(target=consumer.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while not handled(engine, envelope.id) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        consumer.should_stop = True
        thread.join(10)
        consumer.close()
    assert handled(engine, envelope.id)


def handled(engine, message_id: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(orm.inbox.c.message_id == message_id)).scalar() == 1


def test_missing_work_takes_no_upload_the_substitute_does_and_earlier_files_stay(
        browser, teacher, moderator, submitted_unit, engine, rabbitmq_url, bus_namespace, store, deliver):
    before = browser.upload(teacher, b"first half of the portfolio", filename="part1.pdf")
    unfinished = browser.start(teacher, b"the rest").json
    etags = browser.send_parts(teacher, unfinished["upload_id"], b"the rest", [1])

    over_rabbitmq(rabbitmq_url, bus_namespace, engine,
                  substituted("0001", "0002", {"0001": "highest", "0003": "lowest"}))

    refused = browser.start(teacher, b"more", candidate="0001")
    assert refused.status_code == 409 and refused.json == {"code": "WORK_MISSING", "message": REFUSAL}
    finishing = browser.complete(teacher, unfinished["upload_id"], etags, checksum_of(b"the rest"))
    assert finishing.status_code == 409 and finishing.json["code"] == "WORK_MISSING"
    assert unfinished["key"] not in store.unfinished()  # its parts are not kept either

    instead = browser.upload(teacher, b"the substitute's portfolio", candidate="0002", filename="sub.pdf")
    deliver(allocated(email="moderator@board.example"))
    for reader in (teacher, moderator):
        listing = browser.call("GET", EVIDENCE, reader).json
        assert listing["sample"] == [
            {"candidate_number": "0001", "reason": "highest", "work_missing": True, "substitute_for": None,
             "note_to_moderator": "The portfolio was lost in a flood."},
            {"candidate_number": "0002", "reason": "substitute", "work_missing": False, "substitute_for": "0001",
             "note_to_moderator": None},
            {"candidate_number": "0003", "reason": "lowest", "work_missing": False, "substitute_for": None,
             "note_to_moderator": None}]
        assert [f["file_id"] for f in listing["files"]] == [before["file_id"], instead["file_id"]]

    deliver(sample(3, {"0001": "highest", "0003": "lowest"}))  # the centre undid the substitute
    assert browser.start(teacher, b"found after all", candidate="0001").status_code == 201


def test_a_sample_kept_before_missing_work_was_known_reads_as_every_candidate_having_work(browser, teacher,
                                                                                        engine, deliver):
    deliver(submitted())
    with engine.begin() as conn:
        conn.execute(insert(orm.current_samples).values(centre="68101", unit_id=3, version=1, members=[
            {"candidate_number": "0001", "reason": "highest"}]))
    assert browser.call("GET", EVIDENCE, teacher).json["sample"] == [
        {"candidate_number": "0001", "reason": "highest", "work_missing": False, "substitute_for": None,
         "note_to_moderator": None}]
    assert browser.start(teacher, b"work").status_code == 201
