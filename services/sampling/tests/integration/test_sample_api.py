"""A submitted marksheet becomes a stored sample with its event; the centre reads it and adds to it."""
import json

from sqlalchemy import select

from sampling.adapters.orm import outbox, sample_members, samples

from .conftest import API, submitted

SAMPLE = f"{API}/centres/68101/units/7/sample"


def events(engine, routing_key):
    with engine.connect() as conn:
        rows = conn.execute(select(outbox.c.body).where(outbox.c.routing_key == routing_key)
                            .order_by(outbox.c.created_at)).scalars().all()
    return [json.loads(body)["data"] for body in rows]


def test_a_submission_stores_one_sample_with_reasons_and_publishes_it_once(deliver, engine, client, bearer):
    deliver(submitted(40))
    deliver(submitted(40))  # the same submission delivered again
    shown = client.get(SAMPLE, headers=bearer())
    assert shown.status_code == 200
    chosen = [(c["candidate_number"], c["reason"]) for c in shown.json["candidates"]]
    assert len(chosen) == 15 and chosen[0] == ("1039", "highest") and chosen[-1] == ("1000", "lowest")
    assert "9999" not in dict(chosen)
    [event] = events(engine, "sampling.sample_generated")
    assert event["candidates"] == [{"candidate_number": n, "reason": r, "work_missing": False, "substitute_for": None,
                                    "note_to_moderator": None} for n, r in chosen]
    assert (event["unit_id"], event["unit_code"], event["centre"], event["version"]) == (7, "3700U1", "68101", 1)
    with engine.connect() as conn:
        assert conn.execute(select(samples.c.submission_id)).scalars().all() == ["sub-1"]


def test_the_centre_adds_a_candidate_and_may_take_them_out_again(deliver, engine, client, bearer):
    deliver(submitted(40))
    added = client.post(f"{SAMPLE}/candidates", headers=bearer(), json={"candidate_number": "1020"})
    assert added.status_code == 201, added.json
    last = added.json["candidates"][-1]
    assert (last["candidate_number"], last["reason"]) == ("1020", "centre-added") and last["added_at"]
    [extended] = events(engine, "sampling.sample_extended")
    assert (extended["candidate_number"], extended["reason"], extended["version"]) == ("1020", "centre-added", 2)
    assert len(extended["candidates"]) == 16
    again = client.post(f"{SAMPLE}/candidates", headers=bearer(), json={"candidate_number": "1020"})
    assert (again.status_code, again.json["message"]) == (409, "This candidate is already in the sample.")
    removed = client.delete(f"{SAMPLE}/candidates/1020", headers=bearer())
    assert removed.status_code == 200 and len(removed.json["candidates"]) == 15
    assert events(engine, "sampling.sample_reduced")[0]["version"] == 3


def test_system_choices_cannot_be_removed(deliver, engine, client, bearer):
    deliver(submitted(40))
    refused = client.delete(f"{SAMPLE}/candidates/1039", headers=bearer())
    assert (refused.status_code, refused.json["message"]) == (409, "You cannot remove candidates chosen by the system")
    with engine.connect() as conn:
        assert conn.execute(select(sample_members.c.candidate_number)
                            .where(sample_members.c.candidate_number == "1039")).all() == [("1039",)]
    assert events(engine, "sampling.sample_reduced") == []


def test_additions_that_cannot_be_moderated_are_refused_with_a_reason(deliver, client, bearer):
    deliver(submitted(40))
    absent = client.post(f"{SAMPLE}/candidates", headers=bearer(), json={"candidate_number": "9999"})
    assert absent.status_code == 422 and "absent or carried forward" in absent.json["message"]
    unknown = client.post(f"{SAMPLE}/candidates", headers=bearer(), json={"candidate_number": "4444"})
    assert unknown.status_code == 404 and "not on the submitted marksheet" in unknown.json["message"]
    garbled = client.post(f"{SAMPLE}/candidates", headers=bearer(), json={"candidate_number": "12a"})
    assert garbled.status_code == 422 and garbled.json["errors"]["json"]["candidate_number"] == [
        "Enter the candidate number: up to four digits."]


def test_another_centre_sees_no_sample_and_board_staff_read_but_do_not_change(deliver, client, bearer):
    deliver(submitted(10))
    other = client.get(SAMPLE, headers=bearer(centres=("68102",)))
    assert other.status_code == 404 and other.json["code"] == "SAMPLE_NOT_FOUND"
    staff = bearer("board_staff", centres=())
    assert len(client.get(SAMPLE, headers=staff).json["candidates"]) == 10
    assert client.post(f"{SAMPLE}/candidates", headers=staff, json={"candidate_number": "1001"}).status_code == 403
    no_permission = client.get(SAMPLE, headers=bearer(permissions=()))
    assert no_permission.status_code == 403
    assert client.get(f"{API}/centres/68101/units/8/sample", headers=bearer()).status_code == 404
