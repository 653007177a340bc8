"""Centre users through the HTTP API on PostgreSQL: invite, the email over real SMTP, accept, enrol, refusals."""
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import pytest

from identity.domain import totp

API = "/api/identity/v1"
USERS = f"{API}/centres/68101/users"
NEW_PASSWORD = "Staple-Battery-Horse-9"
JOE = {"first_name": "Joe", "last_name": "Bloggs", "email": "j.bloggs@demo-centre.example", "language": "en",
       "account_type": "user"}


def token_in(text: str) -> str:
    return re.search(r"http://localhost:8000/invitation/([A-Za-z0-9_-]+)", text).group(1)


@pytest.fixture
def invited(client, manager, deliver_mail, mail_catcher):
    """Invite Joe as the Exams Officer; returns (the user as listed, the token from the delivered email)."""
    _, headers = manager()
    created = client.post(USERS, json=JOE, headers=headers)
    assert created.status_code == 201, created.json
    assert deliver_mail() == 1
    return created.json, token_in(mail_catcher.wait_for(JOE["email"])["text"])


def test_invite_email_accept_enrol_and_the_user_is_active(client, gateway, manager, deliver_mail, mail_catcher,
                                                          sql):
    _, headers = manager()
    created = client.post(USERS, json={**JOE, "first_name": " Joe ", "language": "cy"}, headers=headers)
    assert created.status_code == 201
    assert (created.json["name"], created.json["status"], created.json["last_signed_in_at"]) == \
        ("Joe Bloggs", "invited", None)
    assert deliver_mail() == 1
    mail = mail_catcher.wait_for(JOE["email"])
    assert mail["subject"] == "Rydych wedi cael gwahoddiad i'r Porth ar gyfer canolfan 68101"
    assert "Mae Eleri Evans wedi eich gwahodd i Borth CBAC" in mail["text"]
    token = token_in(mail["text"])
    assert sql("SELECT body, sent_at IS NOT NULL FROM outgoing_emails") == [("", True)]  # the link is not kept
    assert token not in str(sql("SELECT * FROM invitations")) + str(sql("SELECT body FROM outbox"))

    looked_up = client.post(f"{API}/invitations/lookup", json={"token": token}, headers=gateway)
    assert (looked_up.json["name"], looked_up.json["language"], looked_up.json["centre"]) == ("Joe Bloggs", "cy",
                                                                                             "68101")
    weak = client.post(f"{API}/invitations/accept", json={"token": token, "password": "Joe-Bloggs-2025!"},
                       headers=gateway)
    assert (weak.status_code, weak.json["code"], weak.json["details"]) == (422, "PASSWORD_REJECTED",
                                                                           {"reason": "personal"})
    accepted = client.post(f"{API}/invitations/accept", json={"token": token, "password": NEW_PASSWORD},
                           headers=gateway)
    assert accepted.json == {"email": JOE["email"], "language": "cy", "name": "Joe Bloggs"}

    started = client.post(f"{API}/sign-in/password", json={"email": JOE["email"], "password": NEW_PASSWORD},
                          headers=gateway).json
    assert started["outcome"] == "enrolment_required"
    code = totp.code_at(started["secret"], datetime.now(timezone.utc))
    signed_in = client.post(f"{API}/sign-in/code", json={"challenge": started["challenge"], "code": code},
                            headers=gateway)
    assert signed_in.json["user"]["permissions"] == [] and signed_in.json["user"]["language"] == "cy"
    [joe] = [u for u in client.get(USERS, headers=headers).json if u["email"] == JOE["email"]]
    assert joe["status"] == "active" and joe["last_signed_in_at"] is not None
    assert sql("SELECT routing_key FROM outbox ORDER BY created_at") == [("identity.user_invited",),
                                                                         ("identity.user_activated",)]


def test_a_link_works_once(client, gateway, invited):
    _, token = invited
    first = client.post(f"{API}/invitations/accept", json={"token": token, "password": NEW_PASSWORD},
                        headers=gateway)
    assert first.status_code == 200
    for path, body in (("accept", {"token": token, "password": "Another-Good-Phrase-1"}),
                       ("lookup", {"token": token})):
        again = client.post(f"{API}/invitations/{path}", json=body, headers=gateway)
        assert (again.status_code, again.json["code"]) == (409, "INVITATION_USED")
    unknown = client.post(f"{API}/invitations/lookup", json={"token": "not-a-token"}, headers=gateway)
    assert (unknown.status_code, unknown.json["code"]) == (404, "INVITATION_NOT_FOUND")


def test_the_same_link_sent_twice_at_once_is_accepted_once(make_app, gateway, invited, sql):
    _, token = invited
    clients = [make_app().test_client(), make_app().test_client()]

    def accept(n):
        return clients[n].post(f"{API}/invitations/accept", json={"token": token, "password": NEW_PASSWORD},
                               headers=gateway).status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert sorted(pool.map(accept, range(2))) == [200, 409]
    assert sql("SELECT count(*) FROM audit_log WHERE action = 'invitation_accepted'") == [(1,)]


def test_an_expired_link_is_refused_until_the_invite_is_sent_again(client, gateway, manager, invited, sql,
                                                                   deliver_mail, mail_catcher):
    user, token = invited
    sql("UPDATE invitations SET expires_at = now() - interval '1 second'")
    for path, body in (("lookup", {"token": token}), ("accept", {"token": token, "password": NEW_PASSWORD})):
        expired = client.post(f"{API}/invitations/{path}", json=body, headers=gateway)
        assert (expired.status_code, expired.json["code"]) == (410, "INVITATION_EXPIRED")
    assert client.get(f"{USERS}/{user['id']}", headers=manager(email="eo2@centre.example")[1]).json[
        "invitation_expired"] is True
    mail_catcher.clear()
    _, headers = manager(account_type="admin")
    assert client.post(f"{USERS}/{user['id']}/invitation", headers=headers).status_code == 200
    assert deliver_mail() == 1
    new_token = token_in(mail_catcher.wait_for(JOE["email"])["text"])
    assert client.post(f"{API}/invitations/lookup", json={"token": new_token}, headers=gateway).status_code == 200
    assert client.post(f"{API}/invitations/lookup", json={"token": token}, headers=gateway).status_code == 410


def test_a_bad_or_duplicate_invite_creates_nothing(client, manager, add_user, sql):
    _, headers = manager()
    add_user(email="taken@demo-centre.example")
    users_before = sql("SELECT count(*) FROM users")
    bad = client.post(USERS, json={"first_name": "", "email": "not-an-email", "language": "fr",
                                   "account_type": "exams_officer"}, headers=headers)
    assert bad.status_code == 422
    assert set(bad.json["errors"]["json"]) == {"first_name", "last_name", "email", "language", "account_type"}
    duplicate = client.post(USERS, json={**JOE, "email": "TAKEN@demo-centre.example"}, headers=headers)
    assert (duplicate.status_code, duplicate.json["code"]) == (409, "EMAIL_IN_USE")
    assert sql("SELECT count(*) FROM users") == users_before
    assert sql("SELECT count(*) FROM outgoing_emails") == [(0,)] and sql("SELECT count(*) FROM outbox") == [(0,)]


def test_users_and_other_centres_are_refused(client, manager, add_user, issue_token):
    _, headers = manager()
    stranger = add_user(email="teacher@other-centre.example", centre_number=68102)
    teacher = add_user(email="teacher@demo-centre.example", status="active")
    teacher_token = issue_token("identity", sub=teacher.id, account_type="user", centres=["68101"],
                                permissions=["iamis"])
    assert client.get(USERS, headers={"Authorization": f"Bearer {teacher_token}"}).status_code == 403

    other = f"{API}/centres/68102/users"
    for method, path, body in (("get", other, None), ("post", other, JOE),
                               ("get", f"{API}/centres/68102/audit", None),
                               ("get", f"{API}/centres/99999/users", None)):
        refused = getattr(client, method)(path, json=body, headers=headers)
        assert (refused.status_code, refused.json["code"]) == (404, "CENTRE_NOT_FOUND")
    answers = []
    for user_id in (stranger.id, str(uuid.uuid4())):  # another centre's user looks like no user at all
        for method, path, body in (("get", "", None), ("delete", "", None), ("post", "/invitation", None),
                                   ("put", "/access", {"account_type": "user", "permissions": []})):
            refused = getattr(client, method)(f"{USERS}/{user_id}{path}", json=body, headers=headers)
            answers.append((refused.status_code, refused.json["code"], refused.json["message"]))
    assert set(answers) == {(404, "USER_NOT_FOUND", "There is no such user in this centre. "
                                                    "They may have been removed already.")}
