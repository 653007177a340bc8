"""Managing access and removing users through the HTTP API on PostgreSQL; both reach the user's next request."""
from datetime import datetime, timezone

import pytest

from identity.domain import totp

API = "/api/identity/v1"
USERS = f"{API}/centres/68101/users"
PASSWORD = "Correct-Horse-42"


@pytest.fixture
def signed_in_teacher(client, gateway, add_user):
    """An active teacher without permissions, signed in: (user, session id)."""
    secret = totp.new_secret()
    teacher = add_user(email="teacher@demo-centre.example", permissions=(), mfa_secret=secret, status="active")
    challenge = client.post(f"{API}/sign-in/password", json={"email": teacher.email, "password": PASSWORD},
                            headers=gateway).json["challenge"]
    code = totp.code_at(secret, datetime.now(timezone.utc))
    session_id = client.post(f"{API}/sign-in/code", json={"challenge": challenge, "code": code},
                             headers=gateway).json["session_id"]
    return teacher, session_id


def test_granting_iamis_shows_in_the_next_session_check(client, gateway, manager, signed_in_teacher, sql):
    teacher, session_id = signed_in_teacher
    _, headers = manager()
    assert client.get(f"{API}/sessions/{session_id}", headers=gateway).json["user"]["permissions"] == []
    granted = client.put(f"{USERS}/{teacher.id}/access", json={"account_type": "user", "permissions": ["iamis"]},
                         headers=headers)
    assert (granted.status_code, granted.json["permissions"]) == (200, ["iamis"])
    assert client.get(f"{API}/sessions/{session_id}", headers=gateway).json["user"]["permissions"] == ["iamis"]
    assert sql("SELECT routing_key FROM outbox WHERE routing_key <> 'identity.user_activated'") == \
        [("identity.access_changed",)]
    [entry] = sql("SELECT actor_name, subject_name, ip, detail->'after'->>'permissions' FROM audit_log "
                  "WHERE action = 'access_changed'")
    assert tuple(entry) == ("Eleri Evans", "Tomos Jones", "198.51.100.7", '["iamis"]')
    unknown = client.put(f"{USERS}/{teacher.id}/access", json={"account_type": "user", "permissions": ["keys"]},
                         headers=headers)
    assert unknown.status_code == 422


def test_the_centre_keeps_its_admins_and_exams_officer(client, manager):
    officer, officer_headers = manager()
    admin, admin_headers = manager(account_type="admin")
    for headers, user, account_type, code in (
            (admin_headers, admin, "user", "OWN_ADMIN_RIGHTS"),
            (admin_headers, officer, "admin", "LAST_EXAMS_OFFICER"),
            (officer_headers, officer, "user", "OWN_ADMIN_RIGHTS")):
        refused = client.put(f"{USERS}/{user.id}/access", json={"account_type": account_type, "permissions": []},
                             headers=headers)
        assert (refused.status_code, refused.json["code"]) == (409, code)
    for headers, user, code in ((admin_headers, officer, "LAST_EXAMS_OFFICER"),
                                (admin_headers, admin, "CANNOT_REMOVE_SELF")):
        refused = client.delete(f"{USERS}/{user.id}", headers=headers)
        assert (refused.status_code, refused.json["code"]) == (409, code)
    made_officer = client.put(f"{USERS}/{admin.id}/access", headers=admin_headers,
                              json={"account_type": "exams_officer", "permissions": []})
    assert (made_officer.status_code, made_officer.json["code"]) == (422, "ACCOUNT_TYPE_NOT_ALLOWED")
    listed = client.get(USERS, headers=officer_headers).json
    assert {(u["email"], u["account_type"]) for u in listed} == {(officer.email, "exams_officer"),
                                                                 (admin.email, "admin")}


def test_removal_ends_the_session_at_once_and_keeps_names_in_the_log(client, gateway, manager, signed_in_teacher,
                                                                     sql):
    teacher, session_id = signed_in_teacher
    _, headers = manager()
    assert client.delete(f"{USERS}/{teacher.id}", headers=headers).status_code == 204
    ended = client.get(f"{API}/sessions/{session_id}", headers=gateway)
    assert (ended.status_code, ended.json["code"]) == (404, "SESSION_ENDED")
    assert sql("SELECT end_reason FROM sessions") == [("user_removed",)]
    refused = client.post(f"{API}/sign-in/password", json={"email": teacher.email, "password": PASSWORD},
                          headers=gateway)
    assert refused.json["code"] == "SIGN_IN_FAILED"
    log = client.get(f"{API}/centres/68101/audit?user={teacher.id}", headers=headers).json
    # Newest first; the refused sign-in names no account (a removed user is unknown), so no centre sees it.
    assert [(e["action"], e["outcome"]) for e in log] == [("user_removed", "success"), ("sign_in", "success")]
    assert {e["actor_name"] for e in log if e["action"] == "sign_in"} == {"Tomos Jones"}
    assert [e["subject_name"] for e in log if e["action"] == "user_removed"] == ["Tomos Jones"]
    assert sql("SELECT routing_key FROM outbox WHERE routing_key = 'identity.user_removed'") == \
        [("identity.user_removed",)]
    again = client.post(USERS, headers=headers, json={"first_name": "Tomos", "last_name": "Jones",
                                                      "email": teacher.email, "language": "en",
                                                      "account_type": "user"})
    assert again.status_code == 201  # a removed teacher who comes back can be invited again


def test_the_audit_log_is_filtered_by_date(client, manager, signed_in_teacher):
    _, headers = manager()
    everything = client.get(f"{API}/centres/68101/audit", headers=headers).json
    assert [e["action"] for e in everything] == ["sign_in"]
    moment = everything[0]["occurred_at"]
    before = client.get(f"{API}/centres/68101/audit", query_string={"until": moment}, headers=headers).json
    since = client.get(f"{API}/centres/68101/audit", query_string={"since": moment}, headers=headers).json
    assert (before, len(since)) == ([], 1)
    naive = client.get(f"{API}/centres/68101/audit?since=2025-01-01T00:00:00", headers=headers)
    assert naive.status_code == 422
