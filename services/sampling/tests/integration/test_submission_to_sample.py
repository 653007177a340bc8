"""A marksheet submitted in marks is sampled by sampling and ticked on the marksheet, over RabbitMQ."""
import time

import pytest
from sqlalchemy import select

from iamis_shared.bus.topology import Topology
from iamis_shared.testing import create_database, drop_database
from marks import create_app as create_marks_app
from sampling import create_app as create_sampling_app
from sampling.adapters.orm import outbox

from .pipeline import SubmissionToSample, create_unit, enter_and_mark, sample_on_marksheet, submit


@pytest.fixture
def pipeline(rabbitmq_url, bus_namespace):
    urls = [create_database("iamis_test_marks"), create_database("iamis_test_sampling")]
    built = SubmissionToSample(*urls, rabbitmq_url, Topology(bus_namespace, retry_delays_ms=(100, 200, 300)),
                               poll=0.05)
    yield built
    built.dispose()
    for url in urls:
        drop_database(url)


@pytest.fixture
def marks_client(pipeline, token_keys):
    return create_marks_app({"ENGINE": pipeline.engines[0], "DATABASE_URL": str(pipeline.engines[0].url),
                             "TOKEN_PUBLIC_KEY": token_keys[1]}).test_client()


def headers(issue_token, audience="marks", **claims) -> dict:
    claims = {"name": "Tomos Jones", "email": "t@demo-centre.example", **claims}
    return {"Authorization": f"Bearer {issue_token(audience, **claims)}"}


def test_the_submitted_marksheet_shows_its_sample_at_once(pipeline, marks_client, issue_token):
    staff = headers(issue_token, account_type="board_staff", centres=[])
    teacher = headers(issue_token, account_type="user", centres=["68101"], permissions=["iamis"])
    unit_id = create_unit(marks_client, staff)
    enter_and_mark(marks_client, staff, teacher, unit_id, "68101", 40)
    assert sample_on_marksheet(marks_client, teacher, unit_id, "68101") == []

    with pipeline.running():
        submit(marks_client, teacher, unit_id, "68101")
        deadline = time.monotonic() + 15
        while not (shown := sample_on_marksheet(marks_client, teacher, unit_id, "68101")):
            assert time.monotonic() < deadline, "the sample never reached the marksheet"
            time.sleep(0.05)

    assert len(shown) == 15 and "1000" not in shown  # 39 marked, one absent
    whole = marks_client.get(f"/api/marks/v1/centres/68101/units/{unit_id}/marksheet?rows=all", headers=teacher).json
    assert sorted(r["candidate_number"] for r in whole["rows"] if r["sample"]) == sorted(shown)
    assert len(whole["rows"]) == 40


def test_a_substitute_for_missing_work_is_ticked_on_the_marksheet_beside_the_original(pipeline, marks_client,
                                                                                     issue_token, token_keys):
    staff = headers(issue_token, account_type="board_staff", centres=[])
    teacher = headers(issue_token, account_type="user", centres=["68101"], permissions=["iamis"])
    sampler = headers(issue_token, account_type="user", centres=["68101"], permissions=["iamis"], audience="sampling")
    sampling_client = create_sampling_app({"ENGINE": pipeline.engines[1], "DATABASE_URL": str(pipeline.engines[1].url),
                                           "TOKEN_PUBLIC_KEY": token_keys[1]}).test_client()
    unit_id = create_unit(marks_client, staff)
    enter_and_mark(marks_client, staff, teacher, unit_id, "68101", 40)
    sample = f"/api/sampling/v1/centres/68101/units/{unit_id}/sample"

    with pipeline.running():
        submit(marks_client, teacher, unit_id, "68101")
        before = wait_for(lambda: sample_on_marksheet(marks_client, teacher, unit_id, "68101"), lambda s: len(s) == 15)
        original = next(c["candidate_number"] for c in sampling_client.get(sample, headers=sampler).json["candidates"]
                        if c["reason"] == "spread")
        offered = sampling_client.get(f"{sample}/candidates/{original}/nearest", headers=sampler).json["offered"]
        chosen = sampling_client.post(f"{sample}/candidates/{original}/substitute", headers=sampler, json={
            "substitute": offered[0]["candidate_number"], "note_to_moderator": "Lost."})
        assert chosen.status_code == 201, chosen.json
        after = wait_for(lambda: sample_on_marksheet(marks_client, teacher, unit_id, "68101"), lambda s: len(s) == 16)

    assert sorted(after) == sorted(before + [offered[0]["candidate_number"]]) and original in after
    with pipeline.engines[1].connect() as conn:
        sent = conn.execute(select(outbox.c.routing_key).order_by(outbox.c.created_at)).scalars().all()
    assert sent == ["sampling.sample_generated", "sampling.sample_extended"]


def wait_for(read, done, seconds: float = 15):
    deadline = time.monotonic() + seconds
    while not done(found := read()):
        assert time.monotonic() < deadline, f"still {found}"
        time.sleep(0.05)
    return found
