"""The board loads entries as CSV or JSON: all or nothing; later loads are late entries, seen at once."""
import io
import json

from .conftest import API

HEADER = "centre,candidate_number,surname,forename,date_of_birth\n"


def load_csv(client, staff, unit_id, text):
    return client.post(f"{API}/units/{unit_id}/entries", headers=staff, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(text.encode()), "entries.csv")})


def test_a_late_entry_appears_on_the_marksheet_at_once_flagged(client, staff, teacher, oracy, sql):
    before = client.get(f"{API}/centres/68101/units", headers=teacher).json["series"][0]["units"][0]
    loaded = load_csv(client, staff, oracy, HEADER + "68101,4001,Prosser,Gethin,05/06/2010\n"
                                                     "68103,12,Wyn,Alys,2010-07-08\n")
    assert loaded.status_code == 200
    assert loaded.json == {"added": 2, "late": 1, "centres": ["68101", "68103"]}
    after = client.get(f"{API}/centres/68101/units", headers=teacher).json["series"][0]["units"][0]
    assert (before["entries"], before["left"], after["entries"], after["left"]) == (3, 3, 4, 4)
    rows = client.get(f"{API}/centres/68101/units/{oracy}/marksheet", headers=teacher).json["rows"]
    assert [(r["candidate_number"], r["name"], r["late_entry"]) for r in rows][-1] == ("4001", "PROSSER: GETHIN", True)
    events = [json.loads(body)["data"] for (body,) in sql(
        "SELECT body FROM outbox WHERE routing_key = 'marks.entries_loaded' ORDER BY created_at, body")]
    assert sorted((e["centre"], e["late"], tuple(e["candidate_numbers"])) for e in events) == [
        ("68101", False, ("1054", "3268", "1100")), ("68101", True, ("4001",)), ("68102", False, ("2003",)),
        ("68103", False, ("0012",))]
    overview = client.get(f"{API}/units/{oracy}/centres", headers=staff).json
    assert overview == [{"centre": "68101", "entries": 4, "done": 0, "submitted": False},
                        {"centre": "68102", "entries": 1, "done": 0, "submitted": False},
                        {"centre": "68103", "entries": 1, "done": 0, "submitted": False}]


def test_a_bad_file_is_refused_whole_with_every_row_and_reason(client, staff, oracy, sql):
    text = HEADER + "68101,4001,Prosser,Gethin,2010-06-05\n68101,1054,Jones,Carys,2010-01-02\n" \
                    "681,4002,Evans,,31/02/2010\n68101,4001,Prosser,Gethin,2010-06-05\n"
    refused = load_csv(client, staff, oracy, text)
    assert refused.status_code == 422 and refused.json["code"] == "ENTRIES_REFUSED"
    assert refused.json["message"] == "The entries were not loaded: 5 problems found. Nothing was added."
    errors = refused.json["details"]["errors"]
    assert [(e["line"], e["candidate_number"], e["message"]) for e in errors] == [
        (3, "1054", "Candidate 1054 is already entered for 3700U1 at centre 68101."),
        (4, "4002", "The forename is missing."),
        (4, "4002", "The centre number 681 is not 5 digits."),
        (4, "4002", "The date of birth 31/02/2010 is not a real past date (write it as YYYY-MM-DD or DD/MM/YYYY)."),
        (5, "4001", "Candidate 4001 of centre 68101 is also on line 2.")]
    assert [(e["code"], e["params"]) for e in errors] == [
        ("ALREADY_ENTERED", {"candidate": "1054", "unit": "3700U1", "centre": "68101"}),
        ("FORENAME_MISSING", {}), ("CENTRE_INVALID", {"centre": "681"}),
        ("DATE_OF_BIRTH_INVALID", {"value": "31/02/2010"}),
        ("ENTRY_REPEATED", {"candidate": "4001", "centre": "68101", "first_line": 2})]
    assert sql("SELECT count(*) FROM entries") == [(4,)]
    assert load_csv(client, staff, oracy, "centre;candidate\n").json["details"]["errors"][0]["line"] == 1


def test_no_entry_is_added_to_a_submitted_marksheet(client, staff, teacher, criminology):
    for number, outcome in (("3007", "Pass"), ("3008", "Merit")):
        client.patch(f"{API}/centres/68101/units/{criminology}/candidates/{number}", headers=teacher,
                     json={"field": "outcome", "value": outcome, "previous": ""})
    assert client.post(f"{API}/centres/68101/units/{criminology}/submit", headers=teacher).status_code == 200
    refused = client.post(f"{API}/units/{criminology}/entries", headers=staff, json={"entries": [
        {"centre": "68101", "candidate_number": "3009", "surname": "Rees", "forename": "Nia",
         "date_of_birth": "2008-01-01"}]})
    assert refused.status_code == 422
    [error] = refused.json["details"]["errors"]
    assert error["message"].startswith("Centre 68101 has already submitted")
    assert (error["code"], error["params"]) == ("CENTRE_SUBMITTED", {"centre": "68101", "unit": "9611/L3"})


def test_series_and_units_are_set_up_by_the_board(client, staff, oracy):
    [series] = client.get(f"{API}/series", headers=staff).json
    assert client.post(f"{API}/series", headers=staff, json={"name": series["name"], "results_day": "2028-01-13"}
                       ).json["code"] == "SERIES_EXISTS"
    again = client.post(f"{API}/series/{series['id']}/units", headers=staff, json={
        "code": "3700U1", "title": "AGAIN", "kind": "marks", "deadline": "2027-11-05",
        "tasks": [{"name": "Task 1", "max": 40}]})
    assert again.status_code == 409 and again.json["code"] == "UNIT_EXISTS"
    invalid = client.post(f"{API}/series/{series['id']}/units", headers=staff, json={
        "code": "3700U2", "title": "NO TASKS", "kind": "marks", "deadline": "2027-11-05"})
    assert (invalid.status_code, invalid.json["code"], invalid.json["message"]) == (
        422, "UNIT_INVALID", "A unit with marks needs at least one task with a maximum.")
    [unit] = client.get(f"{API}/series/{series['id']}/units", headers=staff).json
    assert client.get(f"{API}/units/{oracy}", headers=staff).json == unit
    assert (unit["total_max"], unit["grades"], unit["deadline"]) == (80, [], "2027-11-05")
    assert client.get(f"{API}/units/999", headers=staff).json["code"] == "UNIT_NOT_FOUND"
    assert client.get(f"{API}/series/999/units", headers=staff).json["code"] == "SERIES_NOT_FOUND"
