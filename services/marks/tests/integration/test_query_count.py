"""Reading a marksheet, or saving into it, costs the same few SQL statements for 100 candidates as for 1,000."""
import io

import pytest
from sqlalchemy import event

from .conftest import API

SURNAMES = ("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Price")


def fill(client, staff, teacher, unit_id, centre, count):
    """`count` candidates, every other one marked by an import."""
    entries = [{"centre": centre, "candidate_number": str(5000 + n), "surname": SURNAMES[n % 10],
                "forename": "Carys", "date_of_birth": "2010-01-02"} for n in range(count)]
    assert client.post(f"{API}/units/{unit_id}/entries", headers=staff, json={"entries": entries}).status_code == 200
    marks = "".join(f"{5000 + n},{n % 40},{n % 41},AB\n" for n in range(0, count, 2))
    if centre == "68101":
        assert client.post(f"{API}/centres/{centre}/units/{unit_id}/import", headers=teacher,
                           content_type="multipart/form-data", data={"file": (io.BytesIO(
                               ("candidate_number,Task 1,Task 2,initials\n" + marks).encode()), "m.csv")}
                           ).status_code == 200


def statements_to_read(client, app, headers, path):
    return statements_of(app, lambda: client.get(path, headers=headers))


def statements_of(app, send):
    seen = []

    def count(_conn, _cursor, statement, *_):
        seen.append(statement)

    engine = app.extensions["iamis_engine"]
    event.listen(engine, "before_cursor_execute", count)
    try:
        response = send()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert response.status_code == 200, response.json
    return response.json, seen


@pytest.mark.parametrize("query", ["rows=all", "rows=20&sort=mark&show=unmarked&search=ev"])
def test_the_statement_count_does_not_grow_with_the_marksheet(make_app, staff, teacher, oracy, bearer, query):
    app = make_app()
    client = app.test_client()
    fill(client, staff, teacher, oracy, "68101", 1000)
    fill(client, staff, teacher, oracy, "68104", 100)
    large, large_statements = statements_to_read(client, app, teacher,
                                                 f"{API}/centres/68101/units/{oracy}/marksheet?{query}")
    small, small_statements = statements_to_read(client, app, bearer(centres=("68104",)),
                                                 f"{API}/centres/68104/units/{oracy}/marksheet?{query}")
    assert large["counts"]["entries"] == 1003 and small["counts"]["entries"] == 100
    assert len(large_statements) == len(small_statements) <= 10, large_statements
    if query == "rows=all":
        assert len(large["rows"]) == 1003 and large["counts"]["done"] == 500


def test_a_save_costs_the_same_statements_for_1000_candidates_as_for_100_and_locks_nothing(make_app, staff, teacher,
                                                                                            oracy, bearer):
    app = make_app()
    client = app.test_client()
    fill(client, staff, teacher, oracy, "68101", 1000)
    fill(client, staff, teacher, oracy, "68104", 100)
    costs = []
    for centre, headers in (("68101", teacher), ("68104", bearer(centres=("68104",)))):
        path = f"{API}/centres/{centre}/units/{oracy}/candidates/5001"

        def save(value, previous):
            return statements_of(app, lambda: client.patch(path, headers=headers, json={
                "field": "task:Task 1", "value": value, "previous": previous}))
        changed, change_statements = save("5", "")
        unchanged, same_statements = save("5", "5")
        assert changed == unchanged and changed["row"]["values"]["task:Task 1"] == "5"
        assert not [s for s in change_statements + same_statements if "FOR UPDATE" in s]
        costs.append((len(executed(change_statements)), len(executed(same_statements))))
    # the change: the read, then the write with its audit entry in one statement; the same value again: the read
    assert costs == [(2, 1), (2, 1)]


def test_a_save_runs_without_begin_or_commit_and_gives_its_connection_back_as_it_took_it(make_app, teacher, oracy,
                                                                                         sql):
    app = make_app()
    engine, autocommit = app.extensions["iamis_engine"], []

    def note(conn, *_):
        autocommit.append(conn.connection.driver_connection.autocommit)
    event.listen(engine, "before_cursor_execute", note)
    client = app.test_client()
    path = f"{API}/centres/68101/units/{oracy}/candidates/1054"
    answers = [client.patch(path, headers=teacher, json={"field": "task:Task 1", "value": value,
                                                         "previous": previous}).status_code
               for value, previous in (("5", ""), ("5", "5"), ("41", "5"), ("A", "9"))]
    assert answers == [200, 200, 422, 409]  # saved, the same again, above the maximum, changed meanwhile
    assert autocommit and all(autocommit)
    del autocommit[:]
    client.get(f"{API}/centres/68101/units/{oracy}/marksheet", headers=teacher)
    assert autocommit and not any(autocommit)  # the read and its audit entry: one transaction, as before
    assert sql("SELECT action, detail->>'new' FROM audit_log WHERE action <> 'entries_loaded' ORDER BY id") == [
        ("mark_changed", "5"), ("marksheet_read", None)]


def executed(statements):
    """Without the PREPAREs each pooled connection runs once."""
    return [s for s in statements if not s.startswith("PREPARE")]
