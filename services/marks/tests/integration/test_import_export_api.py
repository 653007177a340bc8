"""Marks from a school's MIS as CSV: a good file is taken whole, a bad one changes nothing; the export."""
import io

from .conftest import API


def upload(client, headers, unit_id, text, name="marks.csv"):
    return client.post(f"{API}/centres/68101/units/{unit_id}/import", headers=headers,
                       data={"file": (io.BytesIO(text.encode()), name)}, content_type="multipart/form-data")


def test_a_good_file_is_imported_and_exported_back(client, teacher, oracy, sql):
    text = "candidate_number,Task 1,Task 2,initials\n1054,15,15,ab\n3268,A,A,\n1100,40,0,CD\n"
    imported = upload(client, teacher, oracy, text)
    assert imported.status_code == 200
    assert imported.json == {"imported": 3, "counts": {"entries": 3, "done": 3, "left": 0}}
    exported = client.get(f"{API}/centres/68101/units/{oracy}/export.csv", headers=teacher)
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    assert exported.headers["Content-Disposition"] == 'attachment; filename="3700U1-68101-marks.csv"'
    assert exported.get_data(as_text=True).splitlines() == [
        "candidate_number,surname,forename,Task 1,Task 2,total,initials",
        "1054,Jones,Carys,15,15,30,AB", "1100,Hughes,Carys,40,0,40,CD", "3268,Evans,Carys,A,A,,"]
    assert sql("SELECT candidate_number, detail->'changes' FROM audit_log WHERE action = 'marks_imported' "
               "AND candidate_number = '1054'") == [
        ("1054", {"task:Task 1": ["", "15"], "task:Task 2": ["", "15"], "initials": ["", "AB"]})]
    assert sql("SELECT detail->>'filename', detail->>'rows' FROM audit_log WHERE action = 'marks_imported' "
               "AND candidate_number IS NULL") == [("marks.csv", "3")]
    assert upload(client, teacher, oracy, exported.get_data(as_text=True)).json["imported"] == 3


def test_a_bad_file_is_refused_whole_with_every_row_and_reason(client, teacher, oracy, sql):
    client.patch(f"{API}/centres/68101/units/{oracy}/candidates/1054", headers=teacher,
                 json={"field": "task:Task 1", "value": "9", "previous": ""})
    text = "candidate_number,Task 1,Task 2,initials\n1054,15,15,AB\n3268,41,1,AB\n2003,1,1,AB\n"
    refused = upload(client, teacher, oracy, text)
    assert refused.status_code == 422 and refused.json["code"] == "IMPORT_REFUSED"
    assert refused.json["details"]["errors"] == [
        {"line": 3, "candidate_number": "3268", "code": "MARK_ABOVE_MAXIMUM", "params": {"task": "Task 1", "max": 40},
         "message": "The mark for Task 1 must be no more than 40."},
        {"line": 4, "candidate_number": "2003", "code": "NOT_ENTERED", "params": {"candidate": "2003"},
         "message": "Candidate 2003 is not entered for this unit at your centre."}]  # 68102's, unknown here
    assert "No marks were changed." in refused.json["message"]
    assert sql("SELECT candidate_number, task_marks FROM marks JOIN entries ON entries.id = entry_id "
               "WHERE status <> 'unmarked'") == [("1054", {"Task 1": 9})]
    assert sql("SELECT count(*) FROM audit_log WHERE action = 'marks_imported'") == [(0,)]


def test_files_that_are_not_marks_are_refused(client, teacher, oracy, criminology):
    header = upload(client, teacher, oracy, "candidate,mark\n1054,1\n").json
    assert header["details"]["errors"] == [{
        "line": 1, "candidate_number": "", "code": "COLUMNS_WRONG",
        "params": {"columns": ["candidate_number", "Task 1", "Task 2", "initials"]},
        "message": "The first row must name the columns: candidate_number, Task 1, Task 2, initials."}]
    binary = client.post(f"{API}/centres/68101/units/{oracy}/import", headers=teacher,
                         data={"file": (io.BytesIO(b"\x00\xff" * 100), "photo.jpg")},
                         content_type="multipart/form-data")
    assert binary.status_code == 422 and binary.json["code"] == "IMPORT_REFUSED"
    assert [e["code"] for e in binary.json["details"]["errors"]] == ["FILE_NOT_TEXT"]
    no_file = client.post(f"{API}/centres/68101/units/{oracy}/import", headers=teacher, data={},
                          content_type="multipart/form-data")
    assert no_file.status_code == 422
    outcomes = upload(client, teacher, criminology, "candidate_number,outcome\n3007,merit\n3008,absent\n")
    assert outcomes.json["counts"] == {"entries": 2, "done": 2, "left": 0}
    exported = client.get(f"{API}/centres/68101/units/{criminology}/export.csv", headers=teacher)
    assert exported.get_data(as_text=True).splitlines() == ["candidate_number,surname,forename,outcome",
                                                            "3007,Jones,Carys,Merit", "3008,Evans,Carys,Absent"]
