"""The access audit log: one row per event, in the same transaction; append-only in the database."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import DBAPIError

from identity.domain import totp

API = "/api/identity/v1"
PASSWORD = "Correct-Horse-42"


def now():
    return datetime.now(timezone.utc)


def sign_in_fully(client, gateway, email, secret=None, offset=0):
    started = client.post(f"{API}/sign-in/password", json={"email": email, "password": PASSWORD},
                          headers=gateway).json
    code = totp.code_at(secret or started["secret"], now() + timedelta(seconds=offset))
    return client.post(f"{API}/sign-in/code", json={"challenge": started["challenge"], "code": code},
                       headers=gateway).json


def test_every_sign_in_event_is_audited(make_app, gateway, add_user, sql):
    client = make_app(SIGNIN_MAX_FAILURES=3).test_client()
    invited = add_user(email="new.teacher@demo-centre.example")
    secret = totp.new_secret()
    add_user(email="teacher@demo-centre.example", mfa_secret=secret, status="active")

    session_id = sign_in_fully(client, gateway, invited.email)["session_id"]
    client.delete(f"{API}/sessions/{session_id}", headers=gateway)
    client.post(f"{API}/sign-in/password", json={"email": "nobody@x.example", "password": "p"}, headers=gateway)
    sign_in_fully(client, gateway, "teacher@demo-centre.example", secret)
    challenge = client.post(f"{API}/sign-in/password", headers=gateway,
                            json={"email": "teacher@demo-centre.example", "password": PASSWORD}).json["challenge"]
    for code in (totp.code_at(secret, now()), "00000x"):  # reused, then wrong
        client.post(f"{API}/sign-in/code", json={"challenge": challenge, "code": code}, headers=gateway)
    client.post(f"{API}/sign-in/password", json={"email": "teacher@demo-centre.example", "password": "bad"},
                headers=gateway)  # the third failure locks
    client.post(f"{API}/sign-in/password", headers=gateway,
                json={"email": "teacher@demo-centre.example", "password": PASSWORD})

    rows = sql("SELECT action, outcome, actor_email, centre, detail->>'reason' AS reason, ip, user_agent "
               "FROM audit_log ORDER BY id")
    assert [(r.action, r.outcome, r.reason) for r in rows] == [
        ("mfa_enrolled", "success", None),
        ("sign_in", "success", None),
        ("sign_out", "success", None),
        ("sign_in", "failure", "unknown_email"),
        ("sign_in", "success", None),
        ("sign_in", "failure", "reused_code"),
        ("sign_in", "failure", "wrong_code"),
        ("sign_in", "failure", "wrong_password"),
        ("account_locked", "failure", None),
        ("sign_in", "failure", "locked"),
    ]
    assert rows[3].actor_email == "nobody@x.example" and rows[3].centre is None
    assert {(r.centre, r.ip, r.user_agent) for r in rows if r.reason != "unknown_email"} == \
        {("68101", "203.0.113.9", "Firefox/140")}


def test_a_centre_sees_its_own_entries_newest_first(client, gateway, add_user, issue_token):
    add_user(email="teacher@demo-centre.example")
    add_user(email="teacher@other-centre.example", centre_number=68102)
    for email in ("teacher@demo-centre.example", "teacher@other-centre.example", "teacher@demo-centre.example"):
        client.post(f"{API}/sign-in/password", json={"email": email, "password": "bad"}, headers=gateway)
    officer = issue_token("identity", account_type="exams_officer", centres=["68101"])
    entries = client.get(f"{API}/audit", headers={"Authorization": f"Bearer {officer}"})
    assert entries.status_code == 200
    assert [e["actor_email"] for e in entries.json] == ["teacher@demo-centre.example"] * 2
    assert entries.json[0]["id"] > entries.json[1]["id"]
    assert entries.json[0]["detail"] == {"reason": "wrong_password", "stage": "password"}
    admin = issue_token("identity", account_type="admin", centres=["68102"])
    other = client.get(f"{API}/audit?limit=1", headers={"Authorization": f"Bearer {admin}"})
    assert [e["actor_email"] for e in other.json] == ["teacher@other-centre.example"]
    teacher = issue_token("identity", account_type="user", centres=["68101"], permissions=["iamis"])
    assert client.get(f"{API}/audit", headers={"Authorization": f"Bearer {teacher}"}).status_code == 403
    bad_limit = client.get(f"{API}/audit?limit=0", headers={"Authorization": f"Bearer {officer}"})
    assert bad_limit.status_code == 422


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET outcome = 'success'",
                                       "DELETE FROM audit_log", "TRUNCATE audit_log"])
def test_postgres_refuses_to_change_or_remove_audit_entries(client, gateway, sql, statement):
    client.post(f"{API}/sign-in/password", json={"email": "nobody@x.example", "password": "p"}, headers=gateway)
    with pytest.raises(DBAPIError, match="audit_log is append-only"):
        sql(statement)
    assert sql("SELECT action, outcome FROM audit_log") == [("sign_in", "failure")]
