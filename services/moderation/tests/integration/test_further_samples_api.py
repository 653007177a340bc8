"""Further samples through the API on PostgreSQL: the candidates of a submitted unit as the bus delivered them,
the request stored with its event in one transaction, and refusals that say why and change nothing."""
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, insert, select

from moderation.adapters.orm import further_sample_requests, requested_candidates

from .conftest import API, events
from .others_events import sample, submitted

UNIT = f"{API}/centres/68101/units/3"
REQUESTED = "moderation.further_samples_requested"


@pytest.fixture
def submitted_unit(client, bearer, deliver):
    """3653U1 submitted at 68101: 0001 and 0003 chosen by the system, 0004 added by the centre; the demo moderator
    allocated to the centre."""
    deliver(submitted(), sample(1, {"0001": "highest", "0003": "lowest"}),
            sample(2, {"0001": "highest", "0003": "lowest", "0004": "centre-added"}))
    made = client.post(f"{API}/allocations", headers=bearer(), json={
        "centre": "68101", "moderator_email": "moderator@board.example", "moderator_name": "Mared Hughes"})
    assert made.status_code == 201


@pytest.fixture
def moderator(bearer):
    return bearer("moderator", name="Mared Hughes", email="Moderator@Board.example", sub="m-1")


def stored(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(further_sample_requests)).scalar_one()


def test_the_moderator_sees_the_candidates_and_asks_for_further_samples(client, engine, submitted_unit, moderator):
    listed = client.get(f"{UNIT}/candidates", headers=moderator)
    assert listed.status_code == 200, listed.json
    assert listed.json["unit"] == {"unit_id": 3, "unit_code": "3653U1", "unit_title": "ART & DESIGN TEXTILE DESIGN",
                                   "series": "GCSE JUNE 2027", "kind": "marks",
                                   "submitted_at": "2027-05-01T08:00:00+00:00"}
    assert listed.json["candidates"][1] == {
        "candidate_number": "0002", "surname": "Evans", "forename": "Dewi", "name": "EVANS: DEWI",
        "status": "marked", "total": 55, "outcome": None, "initials": "CD", "in_sample": False, "reason": None,
        "requestable": True}
    assert [(c["candidate_number"], c["reason"], c["requestable"]) for c in listed.json["candidates"]] == [
        ("0001", "highest", False), ("0002", None, True), ("0003", "lowest", False), ("0004", "centre-added", True),
        ("0005", None, False), ("0006", None, True)]
    assert listed.json["requests"] == []

    made = client.post(f"{UNIT}/further-samples", headers=moderator, json={"candidate_numbers": ["2", "0004"]})
    assert made.status_code == 201, made.json
    assert {k: made.json[k] for k in ("centre", "unit_id", "candidate_numbers", "requested_by")} == {
        "centre": "68101", "unit_id": 3, "candidate_numbers": ["0002", "0004"],
        "requested_by": {"user_id": "m-1", "name": "Mared Hughes"}}
    [event] = events(engine, REQUESTED)
    assert event == {"request_id": made.json["request_id"], "centre": "68101", "unit_id": 3, "unit_code": "3653U1",
                     "candidate_numbers": ["0002", "0004"], "requested_by": {"user_id": "m-1", "name": "Mared Hughes"},
                     "requested_at": event["requested_at"]}
    assert event["requested_at"].endswith("+00:00")

    again = client.get(f"{UNIT}/candidates", headers=moderator).json
    assert [(c["candidate_number"], c["reason"]) for c in again["candidates"] if c["in_sample"]] == [
        ("0001", "highest"), ("0002", "moderator-requested"), ("0003", "lowest"), ("0004", "moderator-requested")]
    assert [r["candidate_numbers"] for r in again["requests"]] == [["0002", "0004"]]


def test_board_staff_ask_at_any_centre(client, bearer, deliver):
    deliver(submitted(centre="68102"), sample(1, {"0001": "highest"}, centre="68102"))
    made = client.post(f"{API}/centres/68102/units/3/further-samples", headers=bearer(sub="staff-1"),
                       json={"candidate_numbers": ["0006"]})
    assert made.status_code == 201 and made.json["requested_by"] == {"user_id": "staff-1", "name": "Sian Roberts"}


@pytest.mark.parametrize("path, body, status, code, message", [
    (f"{API}/centres/68101/units/9", ["0002"], 409, "NOT_SUBMITTED",
     "The centre has not submitted the marks for this unit yet, so further samples cannot be requested."),
    (UNIT, [], 422, "NO_CANDIDATES", "Choose at least one candidate to request as a further sample."),
    (UNIT, [f"{n}" for n in range(100, 151)], 422, "TOO_MANY", "Request at most 50 candidates at a time."),
    (UNIT, ["0002", "0099"], 422, "UNKNOWN_CANDIDATE",
     "Candidate 0099 is not on the submitted marksheet for this unit. Check the candidate number."),
    (UNIT, ["0005"], 422, "NO_WORK",
     "Candidate 0005 has no work to see: they were absent or their mark is carried forward."),
    (UNIT, ["0001"], 409, "ALREADY_IN_SAMPLE", "Candidate 0001 is already in the sample."),
    (f"{API}/centres/68102/units/3", ["0002"], 404, "UNIT_NOT_FOUND", "There is no such unit at a centre allocated to you."),
    (f"{API}/centres/6810x/units/3", ["0002"], 404, "UNIT_NOT_FOUND", "There is no such unit at a centre allocated to you."),
])
def test_refusals_say_why_and_change_nothing(client, engine, deliver, submitted_unit, moderator, path, body, status,
                                             code, message):
    deliver(submitted(centre="68102"), sample(1, {"0001": "highest"}, centre="68102"))  # not the moderator's
    refused = client.post(f"{path}/further-samples", headers=moderator, json={"candidate_numbers": body})
    assert (refused.status_code, refused.json["code"], refused.json["message"]) == (status, code, message)
    if code in ("UNKNOWN_CANDIDATE", "NO_WORK", "ALREADY_IN_SAMPLE"):
        assert refused.json["details"] == {"candidate_number": body[-1]}
    assert stored(engine) == 0 and events(engine, REQUESTED) == []


def test_only_the_moderator_and_board_staff_may_look_or_ask(client, engine, submitted_unit, bearer):
    teacher = bearer("user", centres=("68101",), email="t@demo-centre.example")
    for answer in (client.get(f"{UNIT}/candidates", headers=teacher),
                   client.post(f"{UNIT}/further-samples", headers=teacher, json={"candidate_numbers": ["0002"]})):
        assert (answer.status_code, answer.json["code"], answer.json["message"]) == (
            403, "NOT_ALLOCATED", "Only the moderator allocated to the centre, or board staff, can request further "
                                  "samples.")
    other = bearer("moderator", email="other@board.example")
    assert client.get(f"{UNIT}/candidates", headers=other).json["code"] == "UNIT_NOT_FOUND"
    assert client.post(f"{UNIT}/further-samples", json={"candidate_numbers": ["0002"]}).status_code == 401
    assert client.post(f"{UNIT}/further-samples", headers=bearer(), json={"candidate_numbers": "0002"}).status_code == 422
    assert stored(engine) == 0 and events(engine, REQUESTED) == []


def test_an_older_sample_arriving_late_and_a_submission_delivered_twice_change_nothing(client, deliver,
                                                                                      submitted_unit, moderator):
    deliver(sample(1, {"0001": "highest", "0003": "lowest"}), submitted())
    listed = client.get(f"{UNIT}/candidates", headers=moderator).json["candidates"]
    assert [c["candidate_number"] for c in listed if c["in_sample"]] == ["0001", "0003", "0004"]
    assert len(listed) == 6


def test_two_requests_for_the_same_candidate_at_once_make_one(make_app, engine, submitted_unit, moderator):
    clients = [make_app().test_client() for _ in range(2)]

    def ask(n):
        return clients[n % 2].post(f"{UNIT}/further-samples", headers=moderator,
                                   json={"candidate_numbers": ["0006"]}).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = sorted(pool.map(ask, range(4)))
    assert answers == [201, 409, 409, 409]
    assert stored(engine) == 1 and len(events(engine, REQUESTED)) == 1


def test_a_candidate_requested_meanwhile_past_the_unit_lock_refuses_the_whole_request(client, engine, submitted_unit,
                                                                                       moderator):
    # As on SQLite, where FOR UPDATE orders nothing: another request's key is there, its request not yet seen.
    with engine.begin() as conn:
        conn.execute(insert(requested_candidates).values(centre="68101", unit_id=3, candidate_number="0006",
                                                         request_id="another"))
    refused = client.post(f"{UNIT}/further-samples", headers=moderator, json={"candidate_numbers": ["0002", "0006"]})
    assert refused.status_code == 409 and refused.json["code"] == "ALREADY_IN_SAMPLE"
    assert stored(engine) == 0 and events(engine, REQUESTED) == []
    with engine.connect() as conn:
        keys = conn.execute(select(requested_candidates.c.candidate_number)).scalars().all()
    assert keys == ["0006"]  # 0002's key went with the refused request
