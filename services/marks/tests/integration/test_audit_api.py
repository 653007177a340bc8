"""Every read and change of candidate marks is in the audit log, which nobody can change afterwards."""
import io

import pytest
from sqlalchemy.exc import DBAPIError

from .conftest import API


def test_reads_changes_imports_and_the_submission_are_audited_with_who(client, teacher, bearer, oracy, sql):
    sheet = f"{API}/centres/68101/units/{oracy}"
    client.get(f"{sheet}/marksheet?search=jon", headers=teacher)
    client.patch(f"{sheet}/candidates/1054", headers=teacher, json={"field": "task:Task 1", "value": "a",
                                                                    "previous": ""})
    client.post(f"{sheet}/import", headers=teacher, content_type="multipart/form-data", data={"file": (io.BytesIO(
        b"candidate_number,Task 1,Task 2,initials\n3268,A,,\n1100,CF,,\n"), "bad.csv")})  # refused: not audited
    client.post(f"{sheet}/import", headers=teacher, content_type="multipart/form-data", data={"file": (io.BytesIO(
        b"candidate_number,Task 1,Task 2,initials\n3268,A,,\n1100,1,1,ZZ\n"), "class.csv")})
    client.get(f"{sheet}/export.csv", headers=teacher)
    client.post(f"{sheet}/submit", headers=teacher)
    rows = sql("SELECT action, user_id, user_name, user_email, centre, unit_id, candidate_number, detail "
               "FROM audit_log WHERE centre = '68101' ORDER BY id")
    assert [(r.action, r.candidate_number) for r in rows] == [
        ("entries_loaded", None), ("marksheet_read", None), ("mark_changed", "1054"), ("marks_imported", None),
        ("marks_imported", "3268"), ("marks_imported", "1100"), ("marksheet_exported", None),
        ("marksheet_submitted", None)]
    assert {(r.user_id, r.user_name, r.user_email) for r in rows[1:]} == {
        ("teacher-68101", "Tomos Jones", "teacher@demo-centre.example")}
    assert rows[0].user_name == "Sian Roberts" and {r.unit_id for r in rows} == {oracy}
    assert rows[1].detail["search"] == "jon" and rows[2].detail == {"field": "task:Task 1", "old": "", "new": "A"}

    officer = bearer("exams_officer", sub="officer")
    listed = client.get(f"{API}/centres/68101/audit?limit=3", headers=officer).json
    assert [e["action"] for e in listed] == ["marksheet_submitted", "marksheet_exported", "marks_imported"]
    assert client.get(f"{API}/centres/68101/audit", headers=teacher).status_code == 403


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET action = 'nothing'", "DELETE FROM audit_log",
                                       "TRUNCATE audit_log"])
def test_the_audit_log_is_append_only_in_the_database(oracy, sql, statement):
    with pytest.raises(DBAPIError, match="append-only"):
        sql(statement)
    assert sql("SELECT count(*) FROM audit_log") == [(2,)]
