"""Sessions through the HTTP API: read (refreshing the idle timer), sign-out, idle expiry."""
import time
from datetime import datetime, timezone

import pytest

from identity.domain import totp

API = "/api/identity/v1"
PASSWORD = "Correct-Horse-42"


@pytest.fixture
def sign_in(add_user, gateway):
    secret = totp.new_secret()
    user = add_user(mfa_secret=secret, status="active")

    def signed_in(client):
        challenge = client.post(f"{API}/sign-in/password", headers=gateway,
                                json={"email": user.email, "password": PASSWORD}).json["challenge"]
        code = totp.code_at(secret, datetime.now(timezone.utc))
        return user, client.post(f"{API}/sign-in/code", headers=gateway,
                                 json={"challenge": challenge, "code": code}).json["session_id"]
    return signed_in


def test_a_session_is_read_refreshed_and_signed_out(client, gateway, sign_in, sql):
    user, session_id = sign_in(client)
    first = client.get(f"{API}/sessions/{session_id}", headers=gateway)
    assert first.status_code == 200
    assert first.json["user"]["sub"] == user.id and first.json["user"]["centres"] == ["68101"]
    second = client.get(f"{API}/sessions/{session_id}", headers=gateway)
    assert datetime.fromisoformat(second.json["expires_at"]) > datetime.fromisoformat(first.json["expires_at"])

    assert client.delete(f"{API}/sessions/{session_id}", headers=gateway).status_code == 204
    for response in (client.get(f"{API}/sessions/{session_id}", headers=gateway),
                     client.delete(f"{API}/sessions/{session_id}", headers=gateway),
                     client.get(f"{API}/sessions/never-issued", headers=gateway)):
        assert (response.status_code, response.json["code"]) == (404, "SESSION_ENDED")
    assert sql("SELECT end_reason FROM sessions") == [("signed_out",)]


def test_an_idle_session_ends(make_app, gateway, sign_in, sql):
    client = make_app(SESSION_IDLE_MINUTES=1 / 60).test_client()  # one second
    _, session_id = sign_in(client)
    assert client.get(f"{API}/sessions/{session_id}", headers=gateway).status_code == 200
    time.sleep(1.2)
    ended = client.get(f"{API}/sessions/{session_id}", headers=gateway)
    assert (ended.status_code, ended.json["code"]) == (404, "SESSION_ENDED")
    assert sql("SELECT end_reason FROM sessions") == [("timed_out",)]
