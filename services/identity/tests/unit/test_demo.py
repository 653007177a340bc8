"""The demo accounts and the demo-code command."""
import pytest

from identity import cli
from identity.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo
from identity.domain.access import claims_for


def test_seeding_is_idempotent_and_announces_each_account_once(uow, passwords, clock):
    added = seed_demo(uow, passwords, clock.now)
    assert added == [a.email for a in DEMO_ACCOUNTS]
    assert seed_demo(uow, passwords, clock.now) == []
    assert len(uow.published) == len(DEMO_ACCOUNTS)
    assert {uow.centres.get(n).name for n in (68101, 68102)} == {"Demo Centre", "Other Centre"}


def test_demo_accounts_are_active_with_mfa_and_the_demo_password(uow, passwords, clock):
    seed_demo(uow, passwords, clock.now)
    users = {u.email: u for u in uow.users.by_id.values()}
    assert all(u.status == "active" and u.mfa_secret and passwords.verify(u.password_hash, DEMO_PASSWORD)
               for u in users.values())
    officer = claims_for(users["exams.officer@demo-centre.example"])
    assert (officer["name"], officer["centres"], "iamis" in officer["permissions"]) == \
        ("Eleri Evans", ["68101"], True)
    assert claims_for(users["no.access@demo-centre.example"])["permissions"] == []
    assert claims_for(users["teacher@other-centre.example"])["centres"] == ["68102"]
    assert claims_for(users["moderator@board.example"])["centres"] == []
    assert claims_for(users["staff@board.example"])["account_type"] == "board_staff"


@pytest.mark.parametrize("demo_env, email, expected", [
    (None, "teacher@demo-centre.example", "set IAMIS_DEMO=1"),
    ("0", "teacher@demo-centre.example", "set IAMIS_DEMO=1"),
    ("1", "head@real-school.example", "is not a demo account"),
])
def test_demo_code_refuses_outside_the_demo_or_for_other_accounts(monkeypatch, capsys, demo_env, email,
                                                                   expected):
    if demo_env is None:
        monkeypatch.delenv("IAMIS_DEMO", raising=False)
    else:
        monkeypatch.setenv("IAMIS_DEMO", demo_env)
    assert cli.main(["demo-code", email]) == cli.REFUSED
    captured = capsys.readouterr()
    assert expected in captured.err and captured.out == ""
