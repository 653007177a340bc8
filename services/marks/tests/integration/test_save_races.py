"""A save locks nothing: whatever lands between its read and its write is judged again, never lost."""
import io
import json

import pytest

from .conftest import API

COMPLETE = "candidate_number,Task 1,Task 2,initials\n1054,15,15,AB\n3268,A,A,\n1100,40,2,CD\n"


@pytest.fixture
def sheet(oracy):
    return f"{API}/centres/68101/units/{oracy}"


def save(client, headers, sheet, number, field, value, previous=""):
    return client.patch(f"{sheet}/candidates/{number}", headers=headers,
                        json={"field": field, "value": value, "previous": previous})


def stored(sql, number):
    return sql("SELECT task_marks, initials FROM marks JOIN entries ON entries.id = entry_id "
               "WHERE candidate_number = :n", n=number)[0]


def test_a_submission_between_a_saves_read_and_write_refuses_the_save(make_app, client, teacher, sheet, sql,
                                                                         meanwhile):
    assert client.post(f"{sheet}/import", headers=teacher, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(COMPLETE.encode()), "m.csv")}).status_code == 200
    other = make_app().test_client()
    meanwhile(lambda: other.post(f"{sheet}/submit", headers=teacher))
    late = save(client, teacher, sheet, "1054", "task:Task 1", "16", previous="15")
    assert (late.status_code, late.json["code"]) == (423, "MARKSHEET_SUBMITTED")
    assert stored(sql, "1054") == ({"Task 1": 15, "Task 2": 15}, "AB")
    [(body,)] = sql("SELECT body FROM outbox WHERE routing_key = 'marks.marksheet_submitted'")
    submitted = {c["candidate_number"]: c["task_marks"] for c in json.loads(body)["data"]["candidates"]}
    assert submitted["1054"] == {"Task 1": 15, "Task 2": 15}
    assert sql("SELECT count(*) FROM audit_log WHERE action = 'mark_changed'") == [(0,)]


def test_another_field_saved_meanwhile_is_kept_and_so_is_this_one(make_app, client, teacher, bearer, sheet, sql,
                                                                  meanwhile):
    colleague, other = bearer(sub="colleague", name="Eleri Evans"), make_app().test_client()
    meanwhile(lambda: save(other, colleague, sheet, "1054", "task:Task 2", "20"))
    saved = save(client, teacher, sheet, "1054", "task:Task 1", "15")
    assert saved.status_code == 200
    assert saved.json["row"]["task_marks"] == {"Task 1": 15, "Task 2": 20} and saved.json["row"]["total"] == 35
    assert stored(sql, "1054") == ({"Task 1": 15, "Task 2": 20}, None)
    assert sql("SELECT user_id, detail->>'field' FROM audit_log WHERE action = 'mark_changed' ORDER BY id") == [
        ("colleague", "task:Task 2"), ("teacher-68101", "task:Task 1")]


def test_the_same_field_changed_meanwhile_is_a_conflict_showing_the_new_value(make_app, client, teacher, bearer,
                                                                              sheet, sql, meanwhile):
    colleague, other = bearer(sub="colleague", name="Eleri Evans"), make_app().test_client()
    meanwhile(lambda: save(other, colleague, sheet, "1054", "task:Task 1", "30"))
    stale = save(client, teacher, sheet, "1054", "task:Task 1", "15")
    assert (stale.status_code, stale.json["code"], stale.json["details"]["current"]) == (409, "VALUE_CHANGED", "30")
    assert stale.json["details"]["row"]["values"]["task:Task 1"] == "30"
    assert stored(sql, "1054") == ({"Task 1": 30}, None)


def test_two_candidates_completed_at_once_are_both_counted(make_app, client, teacher, sheet, meanwhile):
    for number in ("1054", "3268"):
        save(client, teacher, sheet, number, "task:Task 1", "10")
        save(client, teacher, sheet, number, "task:Task 2", "10")
    other = make_app().test_client()
    meanwhile(lambda: save(other, teacher, sheet, "3268", "initials", "CD"))
    assert save(client, teacher, sheet, "1054", "initials", "AB").json["counts"] == {"entries": 3, "done": 2,
                                                                                      "left": 1}
    assert client.get(f"{sheet}/marksheet", headers=teacher).json["counts"] == {"entries": 3, "done": 2, "left": 1}
    assert save(client, teacher, sheet, "1054", "initials", "", previous="AB").json["counts"] == {
        "entries": 3, "done": 1, "left": 2}


def test_a_save_that_finds_its_row_changed_counts_and_audits_only_when_it_lands(make_app, client, teacher, bearer,
                                                                                sheet, sql, meanwhile):
    for field in ("task:Task 1", "task:Task 2"):
        save(client, teacher, sheet, "1054", field, "10")
    colleague, other = bearer(sub="colleague", name="Eleri Evans"), make_app().test_client()
    meanwhile(lambda: save(other, colleague, sheet, "1054", "task:Task 1", "20", previous="10"))
    completed = save(client, teacher, sheet, "1054", "initials", "AB")  # its first write finds the row changed
    assert completed.json["counts"] == {"entries": 3, "done": 1, "left": 2}
    assert sql("SELECT done FROM marksheet_counts WHERE centre = '68101'") == [(1,)]
    assert stored(sql, "1054") == ({"Task 1": 20, "Task 2": 10}, "AB")
    assert sql("SELECT user_id, detail->>'field' FROM audit_log WHERE action = 'mark_changed' ORDER BY id")[-2:] == [
        ("colleague", "task:Task 1"), ("teacher-68101", "initials")]
    assert sql("SELECT count(*) FROM audit_log WHERE action = 'mark_changed'") == [(4,)]
