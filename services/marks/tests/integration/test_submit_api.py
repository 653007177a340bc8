"""Submitting: only when complete; exactly once even when two requests race; then every write is refused."""
import io
import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from iamis_shared.bus.connection import connect
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.bus.topology import Topology
from iamis_shared.db import make_engine
from iamis_shared.testing import received_messages
from marks.adapters.orm import outbox

from .conftest import API


@pytest.fixture
def complete(client, teacher, oracy):
    data = "candidate_number,Task 1,Task 2,initials\n1054,15,15,AB\n3268,A,A,\n1100,40,2,CD\n"
    assert client.post(f"{API}/centres/68101/units/{oracy}/import", headers=teacher, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data.encode()), "m.csv")}).status_code == 200
    return oracy


def test_an_incomplete_marksheet_cannot_be_submitted(client, teacher, oracy, sql):
    client.patch(f"{API}/centres/68101/units/{oracy}/candidates/1054", headers=teacher,
                 json={"field": "task:Task 1", "value": "A", "previous": ""})
    refused = client.post(f"{API}/centres/68101/units/{oracy}/submit", headers=teacher)
    assert (refused.status_code, refused.json["code"], refused.json["message"]) == (
        422, "MARKSHEET_INCOMPLETE", "2 candidates still need a mark or outcome, or teacher initials.")
    assert sql("SELECT count(*) FROM submissions") == [(0,)] and sql("SELECT count(*) FROM outbox "
                                                                     "WHERE routing_key LIKE '%submitted'") == [(0,)]


def test_two_presses_at_once_submit_once_with_one_event_holding_every_candidate(make_app, teacher, complete, sql):
    workers = [make_app().test_client(), make_app().test_client()]

    def press(n):
        return workers[n % 2].post(f"{API}/centres/68101/units/{complete}/submit", headers=teacher).json

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(press, range(4)))
    assert sorted(a["already_submitted"] for a in answers) == [False, True, True, True]
    assert {(a["submitted"], a["submitted_at"]) for a in answers} == {(3, answers[0]["submitted_at"])}
    [(body,)] = sql("SELECT body FROM outbox WHERE routing_key = 'marks.marksheet_submitted'")
    data = json.loads(body)["data"]
    assert (data["unit_code"], data["centre"], data["kind"], data["submitted_by"]["user_id"]) == (
        "3700U1", "68101", "marks", "teacher-68101")
    assert [(c["candidate_number"], c["task_marks"], c["total"], c["status"], c["initials"])
            for c in data["candidates"]] == [
        ("1054", {"Task 1": 15, "Task 2": 15}, 30, "marked", "AB"), ("1100", {"Task 1": 40, "Task 2": 2}, 42,
                                                                      "marked", "CD"),
        ("3268", {"Task 1": None, "Task 2": None}, None, "absent", None)]
    assert sql("SELECT count(*) FROM audit_log WHERE action = 'marksheet_submitted'") == [(1,)]


def test_after_submission_every_write_is_refused_and_the_counts_show_it(client, teacher, complete, sql):
    client.post(f"{API}/centres/68101/units/{complete}/submit", headers=teacher)
    patch = client.patch(f"{API}/centres/68101/units/{complete}/candidates/1054", headers=teacher,
                         json={"field": "task:Task 1", "value": "16", "previous": "15"})
    imported = client.post(f"{API}/centres/68101/units/{complete}/import", headers=teacher,
                           content_type="multipart/form-data", data={"file": (io.BytesIO(
                               b"candidate_number,Task 1,Task 2,initials\n1054,1,1,AB\n"), "m.csv")})
    for refused in (patch, imported):
        assert refused.status_code == 423 and refused.json["code"] == "MARKSHEET_SUBMITTED"
        assert refused.json["message"].startswith("ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED TO WJEC")
    assert sql("SELECT task_marks FROM marks JOIN entries ON entries.id = entry_id "
               "WHERE candidate_number = '1054'") == [({"Task 1": 15, "Task 2": 15},)]
    sheet = client.get(f"{API}/centres/68101/units/{complete}/marksheet", headers=teacher).json
    assert sheet["submitted"] and sheet["submitted_at"]
    [summary] = client.get(f"{API}/centres/68101/units", headers=teacher).json["series"][0]["units"]
    assert (summary["submitted"], summary["submitted_count"], summary["can_submit"]) == (True, 3, False)


def test_the_submitted_event_reaches_the_broker_exactly_once(make_app, teacher, complete, database, rabbitmq_url,
                                                              bus_namespace):
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda _: make_app().test_client().post(
            f"{API}/centres/68101/units/{complete}/submit", headers=teacher), range(2)))
    topology = Topology(bus_namespace)
    with connect(rabbitmq_url) as connection:
        topology.declare(connection, services=["test"], bindings=("marks.#",))
    engine = make_engine(database)
    relay = OutboxRelay("marks", engine, outbox, rabbitmq_url, topology)
    try:
        relay.run_once()
        relay.run_once()  # nothing left to send twice
    finally:
        relay.close()
        engine.dispose()
    received = [m["type"] for m in received_messages(rabbitmq_url, topology.queue_name("test"))]
    assert sorted(received) == ["marks.entries_loaded", "marks.entries_loaded", "marks.marksheet_submitted"]
