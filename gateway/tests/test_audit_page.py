"""The audit log page: the centre's entries newest first, filtered by user and by whole days."""
import pytest

from gateway.testing import text_of
from gateway.testing.fake_answer import FakeAnswer
from gateway.testing.fake_centre_users import ALL_PERMISSIONS


@pytest.fixture
def as_officer(browser, identity):
    officer = identity.add_user("eo@demo-centre.example", name="Eleri Evans", account_type="exams_officer",
                                centres=["68101"], permissions=ALL_PERMISSIONS)
    browser.sign_in(officer["email"])
    return browser


def test_the_log_lists_who_did_what_to_whom_newest_first(as_officer, identity):
    for first in ("Joe", "Ann"):
        as_officer.get("/centre/68101/users/invite")
        as_officer.post("/centre/68101/users/invite", {"first_name": first, "last_name": "Bloggs", "language": "en",
                                                       "email": f"{first}@wjec.example", "account_type": "user"})
    page = text_of(as_officer.get("/centre/68101/audit"))
    assert "Date and time User What happened About" in page
    assert ("16 Sep 2025 15:03 Eleri Evans Invited a user Ann Bloggs "
            "16 Sep 2025 15:03 Eleri Evans Invited a user Joe Bloggs") in page


@pytest.fixture
def marks_audit(marks, monkeypatch):
    """The fake marks service, answering the audit call with the entries a test puts here."""
    entries, answer = [], marks.request

    def request(method, url, **sent):
        if url.endswith("/centres/68101/audit"):
            return FakeAnswer(200, entries)
        return answer(method, url, **sent)
    monkeypatch.setattr(marks, "request", request)
    return entries


def test_marksheet_activity_is_merged_in_by_time(as_officer, identity, marks, marks_audit):
    unit = marks.add_unit(marks.add_series("GCSE NOVEMBER 2025"), "3700U1", "Mathematics")
    marks.enter(unit, "68101", [("0001", "Bloggs", "Joe")])
    teacher = identity.add_user("t@demo-centre.example", name="Tomos Jones", centres=["68101"])
    marks_audit.extend([
        {"at": "2025-09-16T15:00:00+00:00", "action": "mark_changed", "user_id": teacher["sub"],
         "user_name": "Tomos Jones", "user_email": teacher["email"], "unit_id": unit["id"],
         "candidate_number": "0001", "centre": "68101", "detail": {}},
        {"at": "2025-09-16T09:00:00+00:00", "action": "marksheet_read", "user_id": teacher["sub"],
         "user_name": "Tomos Jones", "user_email": teacher["email"], "unit_id": unit["id"],
         "candidate_number": None, "centre": "68101", "detail": {}}])
    as_officer.get("/centre/68101/users/invite")
    as_officer.post("/centre/68101/users/invite", {"first_name": "Joe", "last_name": "Bloggs", "language": "en",
                                                   "email": "joe@wjec.example", "account_type": "user"})
    page = text_of(as_officer.get("/centre/68101/audit"))
    title = "GCSE NOVEMBER 2025 Mathematics (3700U1)"
    assert (f"16 Sep 2025 16:00 Tomos Jones Changed a mark {title}, 0001 "
            "16 Sep 2025 15:03 Eleri Evans Invited a user Joe Bloggs "
            f"16 Sep 2025 10:00 Tomos Jones Viewed a marksheet {title}") in page
    only_teacher = text_of(as_officer.get(f"/centre/68101/audit?user={teacher['sub']}&since=2025-09-16"
                                          "&until=2025-09-16"))
    assert "Changed a mark" in only_teacher and "Invited a user" not in only_teacher
    assert "Viewed a marksheet" in text_of(as_officer.get("/centre/68101/audit?until=2025-09-16"))
    assert "Changed a mark" not in text_of(as_officer.get("/centre/68101/audit?since=2025-09-17"))


def test_without_the_marks_service_the_page_says_what_is_missing(as_officer, marks):
    marks.reachable = False
    response = as_officer.get("/centre/68101/audit")
    assert response.status_code == 200
    assert "Marksheet activity could not be loaded just now" in text_of(response)


def test_the_filter_sends_the_user_and_whole_local_days(as_officer, identity):
    teacher = identity.add_user("t@demo-centre.example", name="Tomos Jones", centres=["68101"])
    page = text_of(as_officer.get(f"/centre/68101/audit?user={teacher['sub']}&since=2025-09-16&until=2025-09-16"))
    assert "No entries match the filter." in page
    # Days in the site's zone (British Summer Time here), as UTC moments for identity.
    assert identity.centre_users.audit_filters[-1] == {"limit": 200, "user": teacher["sub"],
                                                       "since": "2025-09-16T00:00:00+01:00",
                                                       "until": "2025-09-17T00:00:00+01:00"}
    assert "Tomos Jones (t@demo-centre.example)" in page


@pytest.mark.parametrize("query,message", [
    ("since=16/09/2025", "Enter the from date as a real date, like 2025-09-16"),
    ("until=2025-02-30", "Enter the to date as a real date, like 2025-09-16"),
    ("since=2025-09-17&until=2025-09-16", "The to date must be the same as or after the from date"),
])
def test_a_bad_date_says_what_to_fix(as_officer, identity, query, message):
    response = as_officer.get(f"/centre/68101/audit?{query}")
    assert response.status_code == 200 and "There is a problem" in text_of(response)
    assert message in text_of(response)
    assert identity.centre_users.audit_filters == []
