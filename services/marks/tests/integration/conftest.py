"""Marks on a real PostgreSQL database, migrated as in production, driven through the Flask client
with the tokens the gateway would send."""
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import marks
from iamis_shared.migrations import upgrade
from marks import create_app

MIGRATIONS = Path(marks.__file__).parent / "migrations"
API = "/api/marks/v1"


@pytest.fixture
def database(postgres_url):
    upgrade(MIGRATIONS, postgres_url)
    return postgres_url


@pytest.fixture
def make_app(database, token_keys):
    """A new app on the same database: each is what one gunicorn worker would be."""
    def make(**config):
        return create_app({"DATABASE_URL": database, "TOKEN_PUBLIC_KEY": token_keys[1], **config})
    return make


@pytest.fixture
def client(make_app):
    return make_app().test_client()


@pytest.fixture(scope="session")
def bearer(issue_token):
    """Headers with a marks token for a user of the given kind."""
    def headers(account_type="user", centres=("68101",), permissions=("iamis",), name="Tomos Jones",
                email="teacher@demo-centre.example", **claims):
        token = issue_token("marks", account_type=account_type, centres=list(centres),
                            permissions=list(permissions), name=name, email=email, **claims)
        return {"Authorization": f"Bearer {token}"}
    return headers


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
def sql(database):
    """Run SQL against the service's database, as an operator would."""
    engine = create_engine(database)

    def run(statement, **params):
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else result.rowcount
    yield run
    engine.dispose()
