"""Requests racing each other on two workers: counters and one-time uses stay exact."""
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from identity.domain import totp

API = "/api/identity/v1"
PASSWORD = "Correct-Horse-42"


def test_failures_arriving_together_are_all_counted(make_app, gateway, add_user, sql):
    add_user()
    workers = [make_app(SIGNIN_MAX_FAILURES=10), make_app(SIGNIN_MAX_FAILURES=10)]

    def fail(n):
        return workers[n % 2].test_client().post(
            f"{API}/sign-in/password", json={"email": "teacher@demo-centre.example", "password": "wrong"},
            headers=gateway).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(fail, range(4))) == [401] * 4
    assert sql("SELECT failed_attempts FROM users") == [(4,)]


def test_the_same_code_sent_twice_at_once_signs_in_only_once(make_app, gateway, add_user, sql):
    secret = totp.new_secret()
    add_user(mfa_secret=secret, status="active")
    clients = [make_app().test_client(), make_app().test_client()]
    challenges = [c.post(f"{API}/sign-in/password", headers=gateway,
                         json={"email": "teacher@demo-centre.example", "password": PASSWORD}).json["challenge"]
                  for c in clients]
    code = totp.code_at(secret, datetime.now(timezone.utc))

    def send(n):
        return clients[n].post(f"{API}/sign-in/code", json={"challenge": challenges[n], "code": code},
                               headers=gateway).status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert sorted(pool.map(send, range(2))) == [200, 401]
    assert sql("SELECT count(*) FROM sessions") == [(1,)]
