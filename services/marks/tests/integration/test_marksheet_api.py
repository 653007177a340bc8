"""A teacher's marksheet through the API: saves as typed, the guide's messages, two people, the options."""
import pytest

from .conftest import API


@pytest.fixture
def sheet(oracy):
    return f"{API}/centres/68101/units/{oracy}"


def save(client, headers, sheet, number, field, value, previous=""):
    return client.patch(f"{sheet}/candidates/{number}", headers=headers,
                        json={"field": field, "value": value, "previous": previous})


def test_every_mark_and_the_initials_typed_in_turn_complete_a_candidate(client, teacher, sheet, sql):
    assert save(client, teacher, sheet, "1054", "task:Task 1", "15").json["row"]["values"]["task:Task 1"] == "15"
    assert save(client, teacher, sheet, "1054", "task:Task 2", "15").json["row"]["total"] == 30
    saved = save(client, teacher, sheet, "1054", "initials", "ab").json
    assert saved["row"] | {"values": None} == {
        "candidate_number": "1054", "surname": "Jones", "forename": "Carys", "name": "JONES: CARYS",
        "date_of_birth": "2010-01-02", "late_entry": False, "task_marks": {"Task 1": 15, "Task 2": 15},
        "status": "marked", "outcome": None, "total": 30, "initials": "AB", "complete": True, "sample": False,
        "values": None}
    assert saved["row"]["values"] == {"task:Task 1": "15", "task:Task 2": "15", "initials": "AB", "outcome": ""}
    assert saved["counts"] == {"entries": 3, "done": 1, "left": 2}
    assert sql("SELECT status, complete, updated_by FROM marks JOIN entries ON entries.id = entry_id "
               "WHERE candidate_number = '1054'") == [("marked", True, "teacher-68101")]


@pytest.mark.parametrize("value,status,code,message", [
    ("41", 422, "MARK_ABOVE_MAXIMUM", "The mark for Task 1 must be no more than 40."),
    ("-1", 422, "MARK_INVALID", "Enter a whole number from 0 to 40 for Task 1, or A if the candidate was absent."),
    ("2.5", 422, "MARK_INVALID", "Enter a whole number from 0 to 40 for Task 1, or A if the candidate was absent."),
    ("CF", 422, "CARRY_FORWARD_NOT_ALLOWED", "You cannot carry forward a mark for this unit."),
])
def test_a_refused_mark_says_why_and_changes_nothing(client, teacher, sheet, sql, value, status, code, message):
    refused = save(client, teacher, sheet, "1054", "task:Task 1", value)
    assert (refused.status_code, refused.json["code"], refused.json["message"]) == (status, code, message)
    assert refused.json["details"]["field"] == "task:Task 1" and refused.json["details"]["value"] == value
    assert sql("SELECT count(*) FROM marks WHERE status <> 'unmarked'") == [(0,)]
    assert sql("SELECT count(*) FROM audit_log WHERE action = 'mark_changed'") == [(0,)]


def test_other_refusals(client, teacher, sheet):
    initials = save(client, teacher, sheet, "1054", "initials", "ABCDE").json
    assert (initials["code"], initials["message"]) == ("INITIALS_INVALID", "Enter the teacher's initials: up to 4 "
                                                                           "letters.")
    assert save(client, teacher, sheet, "1054", "outcome", "Pass").json["code"] == "FIELD_UNKNOWN"
    assert save(client, teacher, sheet, "1054", "task:Task 9", "1").json["code"] == "FIELD_UNKNOWN"
    missing = client.patch(f"{sheet}/candidates/1054", headers=teacher, json={"value": "1"})
    assert missing.status_code == 422 and missing.json["code"] == "UNPROCESSABLE_ENTITY"


def test_absent_is_shown_as_a_in_every_task(client, teacher, sheet):
    row = save(client, teacher, sheet, "3268", "task:Task 2", "a").json["row"]
    assert (row["status"], row["complete"], row["values"]) == (
        "absent", True, {"task:Task 1": "A", "task:Task 2": "A", "initials": "", "outcome": ""})


def test_a_save_over_a_value_someone_else_changed_is_refused_with_the_current_value(client, teacher, bearer,
                                                                                       sheet, sql):
    colleague = bearer(sub="colleague", name="Eleri Evans")
    assert save(client, colleague, sheet, "1054", "task:Task 1", "23").status_code == 200
    stale = save(client, teacher, sheet, "1054", "task:Task 1", "15", previous="")
    assert stale.status_code == 409 and stale.json["code"] == "VALUE_CHANGED"
    assert stale.json["message"] == ("Someone else changed this value since you opened the marksheet. "
                                     "It is now 23. Check it before you change it.")
    assert stale.json["details"]["row"]["values"]["task:Task 1"] == "23"
    assert save(client, teacher, sheet, "1054", "task:Task 1", "15", previous="23").status_code == 200
    assert sql("SELECT user_id, detail->>'old', detail->>'new' FROM audit_log WHERE action = 'mark_changed' "
               "ORDER BY id") == [("colleague", "", "23"), ("teacher-68101", "23", "15")]


def test_the_options_of_the_marksheet(client, teacher, sheet):
    save(client, teacher, sheet, "3268", "task:Task 1", "A")
    read = client.get(f"{sheet}/marksheet?show=unmarked&sort=name", headers=teacher).json
    assert [r["name"] for r in read["rows"]] == ["HUGHES: CARYS", "JONES: CARYS"]
    assert (read["total_rows"], read["counts"], read["submitted"]) == (2, {"entries": 3, "done": 1, "left": 2}, False)
    assert read["unit"]["full_title"] == "GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)"
    assert read["unit"]["tasks"] == [{"name": "Task 1", "max": 40}, {"name": "Task 2", "max": 40}]
    paged = client.get(f"{sheet}/marksheet?rows=10&search=EV", headers=teacher).json
    assert ([r["candidate_number"] for r in paged["rows"]], paged["page"], paged["pages"]) == (["3268"], 1, 1)
    for query in ("rows=15", "sort=grade", "show=some", "page=0"):
        bad = client.get(f"{sheet}/marksheet?{query}", headers=teacher)
        assert bad.status_code == 422 and bad.json["errors"], query


def test_outcomes_are_chosen_from_the_scale_or_absent(client, teacher, criminology):
    sheet = f"{API}/centres/68101/units/{criminology}"
    assert save(client, teacher, sheet, "3007", "outcome", "Distinction").json["row"]["outcome"] == "Distinction"
    absent = save(client, teacher, sheet, "3008", "outcome", "Absent").json
    assert (absent["row"]["status"], absent["counts"]["left"]) == ("absent", 0)
    wrong = save(client, teacher, sheet, "3008", "outcome", "Level 2 Pass", "Absent").json
    assert (wrong["code"], wrong["message"]) == ("OUTCOME_INVALID", "Choose Pass, Merit, Distinction or Absent.")
    units = client.get(f"{API}/centres/68101/units", headers=teacher).json
    [summary] = [u for box in units["series"] for u in box["units"] if u["id"] == criminology]
    assert (summary["kind"], summary["done"], summary["left"], summary["can_submit"]) == ("outcomes", 2, 0, True)
