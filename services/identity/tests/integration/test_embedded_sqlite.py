"""The one-command run: SQLite file, demo accounts from the CLI, sign-in with the demo code."""
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

import identity
from iamis_shared.migrations import upgrade
from identity import create_app
from identity.demo import DEMO_PASSWORD

API = "/api/identity/v1"


def run_cli(database_url, *args, demo=True):
    env = {**os.environ, "DATABASE_URL": database_url, "IAMIS_DEMO": "1" if demo else "0"}
    return subprocess.run([sys.executable, "-m", "identity.cli", *args], env=env, capture_output=True,
                          text=True, timeout=60)


def test_demo_accounts_sign_in_on_sqlite(tmp_path, token_keys, gateway):
    url = f"sqlite:///{tmp_path / 'identity.db'}"
    upgrade(Path(identity.__file__).parent / "migrations", url)
    assert run_cli(url, "seed-demo").returncode == 0
    assert run_cli(url, "seed-demo").stdout.strip() == "Demo accounts already present."
    refused = run_cli(url, "demo-code", "teacher@demo-centre.example", demo=False)
    assert refused.returncode == 2 and "IAMIS_DEMO=1" in refused.stderr
    shown = run_cli(url, "demo-code", "teacher@demo-centre.example")
    code = shown.stdout.strip()
    assert shown.returncode == 0 and len(code) == 6 and code.isdigit()

    client = create_app({"DATABASE_URL": url, "TOKEN_PUBLIC_KEY": token_keys[1]}).test_client()
    started = client.post(f"{API}/sign-in/password", headers=gateway,
                          json={"email": "teacher@demo-centre.example", "password": DEMO_PASSWORD})
    assert started.json["outcome"] == "code_required"
    signed_in = client.post(f"{API}/sign-in/code", json={"challenge": started.json["challenge"], "code": code},
                            headers=gateway)
    assert signed_in.status_code == 200
    assert signed_in.json["user"]["name"] == "Tomos Jones"
    session = client.get(f"{API}/sessions/{signed_in.json['session_id']}", headers=gateway)
    assert session.json["expires_at"].endswith("+00:00")

    strict = create_app({"DATABASE_URL": url, "TOKEN_PUBLIC_KEY": token_keys[1],
                         "SIGNIN_MAX_FAILURES": 2}).test_client()
    answers = [strict.post(f"{API}/sign-in/password", headers=gateway,
                           json={"email": "staff@board.example", "password": password}).status_code
               for password in ("wrong", "wrong", DEMO_PASSWORD)]
    assert answers == [401, 423, 423]

    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM outbox WHERE routing_key = 'identity.user_activated'")
                            ).scalar_one() == 6
    engine.dispose()


def test_centre_users_on_sqlite(tmp_path, token_keys, gateway, issue_token):
    url = f"sqlite:///{tmp_path / 'identity.db'}"
    upgrade(Path(identity.__file__).parent / "migrations", url)
    assert run_cli(url, "seed-demo").returncode == 0
    client = create_app({"DATABASE_URL": url, "TOKEN_PUBLIC_KEY": token_keys[1]}).test_client()
    engine = create_engine(url)
    with engine.connect() as conn:
        officer_id = conn.execute(text("SELECT id FROM users WHERE account_type = 'exams_officer'")).scalar_one()
    engine.dispose()
    headers = {"Authorization": "Bearer " + issue_token("identity", sub=officer_id, account_type="exams_officer",
                                                        centres=["68101"])}
    users = f"{API}/centres/68101/users"
    listed = client.get(users, headers=headers).json
    teacher = next(u for u in listed if u["email"] == "teacher@demo-centre.example")
    assert client.delete(f"{users}/{teacher['id']}", headers=headers).status_code == 204
    again = client.post(users, headers=headers, json={"first_name": "Tomos", "last_name": "Jones",
                                                      "language": "cy", "email": "teacher@demo-centre.example",
                                                      "account_type": "user"})
    assert (again.status_code, again.json["status"]) == (201, "invited")
    duplicate = client.post(users, headers=headers, json={"first_name": "T", "last_name": "J", "language": "en",
                                                          "email": "teacher@demo-centre.example",
                                                          "account_type": "user"})
    assert duplicate.json["code"] == "EMAIL_IN_USE"
