"""Sampling on a real PostgreSQL database, migrated as in production, driven through the Flask client
with the tokens the gateway would send."""
from datetime import datetime, timezone

import pytest

import sampling
from iamis_shared.bus.envelope import Envelope
from iamis_shared.db import make_session_factory
from iamis_shared.testing import bearer_fixture, make_app_fixture, migrated_database_fixture
from sampling import create_app
from sampling.entrypoints.consumer import on_marksheet_submitted

API = "/api/sampling/v1"

database = migrated_database_fixture(sampling)
make_app = make_app_fixture(create_app)
bearer = bearer_fixture("sampling", email="t@demo-centre.example")


@pytest.fixture
def deliver(engine):
    """Hand a marks.marksheet_submitted payload to the consumer's handler, in one transaction as the consumer does."""
    sessions = make_session_factory(engine)

    def send(data: dict) -> None:
        with sessions.begin() as session:
            on_marksheet_submitted(session, Envelope(type="marks.marksheet_submitted", source="marks", data=data))
    return send


def submitted(count: int, unit_id: int = 7, centre: str = "68101", submission_id: str = "sub-1") -> dict:
    """A marks.marksheet_submitted payload as marks publishes it: `count` marked candidates and one absent."""
    candidates = [{"candidate_number": f"{1000 + n}", "surname": "Jones", "forename": "Carys",
                   "task_marks": {"Task 1": n + 1}, "total": n + 1, "status": "marked", "outcome": None,
                   "initials": ("AB", "CD")[n % 2]} for n in range(count)]
    candidates.append({"candidate_number": "9999", "surname": "Absent", "forename": "Al", "task_marks": {},
                       "total": None, "status": "absent", "outcome": None, "initials": None})
    return {"submission_id": submission_id, "unit_id": unit_id, "unit_code": "3700U1",
            "unit_title": "ENGLISH LANGUAGE UNIT 1 ORACY", "series": "GCSE NOVEMBER 2025", "centre": centre,
            "kind": "marks", "tasks": [{"name": "Task 1", "max": 40}], "grades": [],
            "submitted_at": datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc).isoformat(),
            "submitted_by": {"user_id": "t-1", "name": "Tomos Jones"}, "candidates": candidates}
