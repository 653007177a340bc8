"""The lock-out is kept in the database, so it holds across gunicorn workers (two apps, one database)."""
from datetime import datetime, timedelta, timezone

from identity.domain import totp

API = "/api/identity/v1"
PASSWORD = "Correct-Horse-42"


def password_step(client, gateway, password):
    return client.post(f"{API}/sign-in/password", json={"email": "teacher@demo-centre.example",
                                                         "password": password}, headers=gateway)


def test_five_failures_across_two_workers_lock_the_account_for_both(make_app, gateway, add_user, sql):
    add_user()
    workers = [make_app().test_client(), make_app().test_client()]
    answers = [password_step(workers[n % 2], gateway, "wrong").status_code for n in range(4)]
    assert answers == [401, 401, 401, 401]
    locking = password_step(workers[0], gateway, "wrong")
    assert (locking.status_code, locking.json["code"]) == (423, "ACCOUNT_LOCKED")
    locked_until = datetime.fromisoformat(locking.json["details"]["locked_until"])
    assert timedelta(minutes=14) < locked_until - datetime.now(timezone.utc) <= timedelta(minutes=15)
    for worker in workers:
        refused = password_step(worker, gateway, PASSWORD)
        assert (refused.status_code, refused.json["details"]) == (423, locking.json["details"])
    assert sql("SELECT failed_attempts FROM users") == [(5,)]
    assert sql("SELECT count(*) FROM audit_log WHERE action = 'account_locked'") == [(1,)]


def test_the_limits_come_from_configuration(make_app, gateway, add_user):
    add_user()
    client = make_app(SIGNIN_MAX_FAILURES=2, SIGNIN_LOCK_MINUTES=1).test_client()
    assert password_step(client, gateway, "wrong").status_code == 401
    locking = password_step(client, gateway, "wrong")
    assert locking.status_code == 423
    locked_until = datetime.fromisoformat(locking.json["details"]["locked_until"])
    assert locked_until - datetime.now(timezone.utc) <= timedelta(minutes=1)


def test_wrong_codes_lock_too_and_a_success_resets_the_count(make_app, gateway, add_user, sql):
    secret = totp.new_secret()
    add_user(mfa_secret=secret, status="active")
    client = make_app().test_client()
    for _ in range(3):
        assert password_step(client, gateway, "wrong").status_code == 401
    challenge = password_step(client, gateway, PASSWORD).json["challenge"]
    wrong_code = client.post(f"{API}/sign-in/code", json={"challenge": challenge, "code": "00000x"},
                             headers=gateway)
    assert wrong_code.status_code == 401
    assert sql("SELECT failed_attempts FROM users") == [(4,)]
    right = client.post(f"{API}/sign-in/code", headers=gateway,
                        json={"challenge": challenge, "code": totp.code_at(secret, datetime.now(timezone.utc))})
    assert right.status_code == 200
    assert sql("SELECT failed_attempts, locked_until FROM users") == [(0, None)]
