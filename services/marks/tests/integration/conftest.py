"""Marks on a real PostgreSQL database, migrated as in production, driven through the Flask client
with the tokens the gateway would send."""
from pathlib import Path

import pytest

import marks
from iamis_shared.testing import bearer_fixture, make_app_fixture, migrated_database_fixture
from marks import create_app
from marks.adapters.entry_repository import EntryRepository

MIGRATIONS = Path(marks.__file__).parent / "migrations"
API = "/api/marks/v1"

database = migrated_database_fixture(marks)
make_app = make_app_fixture(create_app)
bearer = bearer_fixture("marks")


@pytest.fixture(scope="session")
def teacher(bearer):
    return bearer(sub="teacher-68101")


@pytest.fixture(scope="session")
def staff(bearer):
    return bearer("board_staff", centres=(), name="Sian Roberts", email="staff@board.example")


def entries(centre, *numbers):
    return [{"centre": centre, "candidate_number": n, "surname": s, "forename": "Carys",
             "date_of_birth": "2010-01-02"} for n, s in zip(numbers, ("Jones", "Evans", "Hughes", "Lloyd", "Price"))]


@pytest.fixture
def oracy(client, staff):
    """3700U1: Task 1 and Task 2 (Max:40), initials; three candidates at 68101 and one at 68102."""
    series = client.post(f"{API}/series", json={"name": "GCSE NOVEMBER 2025", "results_day": "2028-01-13"},
                         headers=staff).json
    unit = client.post(f"{API}/series/{series['id']}/units", headers=staff, json={
        "code": "3700U1", "title": "ENGLISH LANGUAGE UNIT 1 ORACY", "kind": "marks", "deadline": "2027-11-05",
        "tasks": [{"name": "Task 1", "max": 40}, {"name": "Task 2", "max": 40}], "initials_required": True}).json
    loaded = client.post(f"{API}/units/{unit['id']}/entries", headers=staff,
                         json={"entries": entries("68101", "1054", "3268", "1100") + entries("68102", "2003")})
    assert loaded.status_code == 200, loaded.json
    return unit["id"]


@pytest.fixture
def criminology(client, staff):
    series = client.post(f"{API}/series", json={"name": "APPLIED LEVEL 3 JUNE 2025", "results_day": "2027-08-12"},
                         headers=staff).json
    unit = client.post(f"{API}/series/{series['id']}/units", headers=staff, json={
        "code": "9611/L3", "title": "CRIMINOLOGICAL THEORIES CONTROL ASSESSMENT", "kind": "outcomes",
        "deadline": "2027-05-15", "grades": ["Pass", "Merit", "Distinction"]}).json
    client.post(f"{API}/units/{unit['id']}/entries", headers=staff, json={"entries": entries("68101", "3007", "3008")})
    return unit["id"]


@pytest.fixture
def meanwhile(monkeypatch):
    """Run a request once, after the next save has read its candidate and before it writes."""
    def arrange(request):
        read, pending = EntryRepository.for_change, [request]

        def read_then_let_in(self, *args):
            found = read(self, *args)
            if pending:
                pending.pop()()
            return found
        monkeypatch.setattr(EntryRepository, "for_change", read_then_let_in)
    return arrange
