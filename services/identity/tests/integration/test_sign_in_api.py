"""Signing in through the HTTP API as the gateway does, on PostgreSQL."""
import json
from datetime import datetime, timedelta, timezone

from identity.domain import totp

API = "/api/identity/v1"
PASSWORD = "Correct-Horse-42"


def now():
    return datetime.now(timezone.utc)


def password_step(client, gateway, email="teacher@demo-centre.example", password=PASSWORD):
    return client.post(f"{API}/sign-in/password", json={"email": email, "password": password}, headers=gateway)


def code_step(client, gateway, challenge, code):
    return client.post(f"{API}/sign-in/code", json={"challenge": challenge, "code": code}, headers=gateway)


def test_first_sign_in_enrols_in_mfa_activates_and_announces_once(client, gateway, add_user, sql):
    user = add_user(email="Teacher@Demo-Centre.example")
    started = password_step(client, gateway, email="TEACHER@demo-centre.example")
    assert started.status_code == 200
    body = started.json
    assert body["outcome"] == "enrolment_required"
    assert body["provisioning_uri"] == (f"otpauth://totp/IAMIS:teacher@demo-centre.example"
                                        f"?secret={body['secret']}&issuer=IAMIS")
    signed_in = code_step(client, gateway, body["challenge"], totp.code_at(body["secret"], now()))
    assert signed_in.status_code == 200
    assert signed_in.json["idle_timeout_seconds"] == 1800
    assert signed_in.json["user"] == {"sub": user.id, "name": "Tomos Jones",
                                      "email": "teacher@demo-centre.example", "account_type": "user",
                                      "centres": ["68101"], "permissions": ["iamis"], "language": "en"}
    assert sql("SELECT status, mfa_secret FROM users") == [("active", body["secret"])]

    # The next sign-in asks for a code only, and announces nothing more.
    again = password_step(client, gateway)
    assert again.json == {"outcome": "code_required", "challenge": again.json["challenge"]}
    later_code = totp.code_at(body["secret"], now() + timedelta(seconds=30))
    assert code_step(client, gateway, again.json["challenge"], later_code).status_code == 200
    outbox = sql("SELECT routing_key, body FROM outbox")
    assert [row.routing_key for row in outbox] == ["identity.user_activated"]
    data = json.loads(outbox[0].body)["data"]
    assert {k: data[k] for k in ("user_id", "name", "email", "account_type", "centres")} == \
        {"user_id": user.id, "name": "Tomos Jones", "email": "teacher@demo-centre.example",
         "account_type": "user", "centres": ["68101"]}
    assert datetime.fromisoformat(data["activated_at"]).tzinfo is not None


def test_wrong_password_and_unknown_email_get_the_identical_answer(client, gateway, add_user):
    add_user()
    wrong = password_step(client, gateway, password="not-it")
    unknown = password_step(client, gateway, email="nobody@demo-centre.example")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_data() == unknown.get_data()
    assert wrong.json["code"] == "SIGN_IN_FAILED"


def test_a_code_already_used_is_refused(client, gateway, add_user, sql):
    secret = totp.new_secret()
    add_user(mfa_secret=secret, status="active")
    code = totp.code_at(secret, now())
    first = code_step(client, gateway, password_step(client, gateway).json["challenge"], code)
    assert first.status_code == 200
    reused = code_step(client, gateway, password_step(client, gateway).json["challenge"], code)
    assert (reused.status_code, reused.json["code"]) == (401, "SIGN_IN_FAILED")
    wrong = code_step(client, gateway, password_step(client, gateway).json["challenge"], "00000x")
    assert wrong.get_data() == reused.get_data()
    reasons = sql("SELECT detail FROM audit_log WHERE outcome = 'failure' ORDER BY id")
    assert [row.detail["reason"] for row in reasons] == ["reused_code", "wrong_code"]


def test_an_unknown_or_used_challenge_has_expired(client, gateway, add_user):
    secret = totp.new_secret()
    add_user(mfa_secret=secret, status="active")
    challenge = password_step(client, gateway).json["challenge"]
    assert code_step(client, gateway, challenge, totp.code_at(secret, now())).status_code == 200
    used = code_step(client, gateway, challenge, totp.code_at(secret, now() + timedelta(seconds=30)))
    made_up = code_step(client, gateway, "not-a-challenge", "123456")
    assert [(r.status_code, r.json["code"]) for r in (used, made_up)] == [(401, "CHALLENGE_EXPIRED")] * 2


def test_a_malformed_body_is_refused_with_a_clear_message(client, gateway):
    for path, body in [("sign-in/password", {"email": "a@b.example"}),
                       ("sign-in/password", {"email": 5, "password": "x"}),
                       ("sign-in/password", {"email": "", "password": "x"}),
                       ("sign-in/code", {"challenge": "abc"}),
                       ("sign-in/code", "not json")]:
        response = client.post(f"{API}/{path}", json=body, headers=gateway)
        assert response.status_code == 422, (path, body)
        assert response.json["message"] == "Some of the values sent are not valid."
