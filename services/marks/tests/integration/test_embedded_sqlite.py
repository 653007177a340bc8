"""The one-command run keeps marks in a SQLite file, which has no single-statement save: the same writes run
one after another in one transaction, and a save must still count, audit and refuse exactly as on PostgreSQL."""
import json

import pytest
from sqlalchemy import create_engine, text

from iamis_shared.migrations import upgrade
from marks import create_app

from .conftest import API, MIGRATIONS, entries


@pytest.fixture
def sqlite_app(tmp_path, token_keys):
    url = f"sqlite:///{tmp_path / 'marks.db'}"
    upgrade(MIGRATIONS, url)
    return lambda: create_app({"DATABASE_URL": url, "TOKEN_PUBLIC_KEY": token_keys[1]})


def test_saves_on_sqlite_count_audit_and_refuse_a_changed_value(sqlite_app, staff, teacher, bearer, meanwhile):
    app = sqlite_app()
    client = app.test_client()
    series = client.post(f"{API}/series", json={"name": "GCSE NOVEMBER 2025", "results_day": "2028-01-13"},
                         headers=staff).json
    unit = client.post(f"{API}/series/{series['id']}/units", headers=staff, json={
        "code": "3700U1", "title": "ENGLISH LANGUAGE UNIT 1 ORACY", "kind": "marks", "deadline": "2027-11-05",
        "tasks": [{"name": "Task 1", "max": 40}, {"name": "Task 2", "max": 40}], "initials_required": True}).json
    client.post(f"{API}/units/{unit['id']}/entries", headers=staff, json={"entries": entries("68101", "1054", "3268")})
    path = f"{API}/centres/68101/units/{unit['id']}/candidates"

    def save(number, field, value, previous="", by=client, headers=teacher):
        return by.patch(f"{path}/{number}", headers=headers, json={"field": field, "value": value,
                                                                   "previous": previous})
    save("1054", "task:Task 1", "15")
    assert save("1054", "task:Task 2", "15").json["counts"] == {"entries": 2, "done": 0, "left": 2}
    assert save("1054", "initials", "AB").json["counts"] == {"entries": 2, "done": 1, "left": 1}
    assert save("1054", "initials", "", previous="AB").json["counts"] == {"entries": 2, "done": 0, "left": 2}

    other, colleague = sqlite_app().test_client(), bearer(sub="colleague", name="Eleri Evans")
    meanwhile(lambda: save("1054", "task:Task 1", "30", "15", other, colleague))
    stale = save("1054", "task:Task 1", "16", previous="15")
    assert (stale.status_code, stale.json["code"], stale.json["details"]["current"]) == (409, "VALUE_CHANGED", "30")

    engine = create_engine(app.config["DATABASE_URL"])
    with engine.connect() as conn:
        changes = conn.execute(text("SELECT user_id, detail FROM audit_log WHERE action = 'mark_changed' "
                                    "ORDER BY id")).all()
        done = conn.execute(text("SELECT done FROM marksheet_counts")).scalar_one()
    engine.dispose()
    assert [(user, json.loads(detail)["field"], json.loads(detail)["new"]) for user, detail in changes] == [
        ("teacher-68101", "task:Task 1", "15"), ("teacher-68101", "task:Task 2", "15"),
        ("teacher-68101", "initials", "AB"), ("teacher-68101", "initials", ""), ("colleague", "task:Task 1", "30")]
    assert done == 0
