"""A marksheet submitted in marks is sampled by sampling and ticked on the marksheet, over RabbitMQ."""
import time

import pytest

from iamis_shared.bus.topology import Topology
from iamis_shared.testing import create_database, drop_database
from marks import create_app as create_marks_app

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


def headers(issue_token, **claims) -> dict:
    claims = {"name": "Tomos Jones", "email": "t@demo-centre.example", **claims}
    return {"Authorization": f"Bearer {issue_token('marks', **claims)}"}


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
