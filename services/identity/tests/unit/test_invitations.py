"""Inviting a user, the invite email, and accepting the link by choosing a password (handlers with fakes)."""
import re
from datetime import timedelta

import pytest

from identity.domain import totp
from identity.domain.audit import Origin
from identity.domain.errors import (AlreadyActive, CentreNotFound, EmailInUse, InvitationExpired,
                                    InvitationNotFound, InvitationUsed, PasswordRejected)
from identity.domain.invitations import InvitationPolicy, hash_token
from identity.service_layer.invitations import NewUser, accept_invitation, invite_user, look_up_invitation, \
    resend_invitation
from identity.service_layer.sign_in import confirm_code, start_password_sign_in

ORIGIN = Origin(ip="203.0.113.9", user_agent="Firefox")
POLICY = InvitationPolicy(days=7, public_url="https://portal.example")
ZONE = "Europe/London"
NEW_PASSWORD = "Staple-Battery-Horse-9"


@pytest.fixture
def officer(make_user):
    return make_user(email="eo@demo-centre.example", account_type="exams_officer", permissions=())


@pytest.fixture
def invite(uow, clock, officer):
    def send(email="joe.bloggs@demo-centre.example", language="en", account_type="user", manager=officer,
             centre="68101"):
        return invite_user(uow, POLICY, ZONE, manager.id, centre,
                           NewUser("Joe", "Bloggs", email, language, account_type), ORIGIN, clock.now)
    return send


def link_in(email) -> str:
    return re.search(r"https://portal\.example/invitation/(\S+)", email.body).group(1)


def test_an_invite_creates_an_invited_user_queues_the_email_and_tells_the_bus(invite, uow, clock, officer):
    invited = invite()
    assert (invited["name"], invited["status"], invited["account_type"], invited["permissions"]) == \
        ("Joe Bloggs", "invited", "user", [])
    [email] = uow.emails.queued
    assert email.to_address == "joe.bloggs@demo-centre.example"
    assert email.subject == "You have been invited to Portal for centre 68101"
    assert "Tomos Jones has invited you to WJEC's Portal for centre 68101 (Demo Centre)." in email.body
    token = link_in(email)
    [invitation] = uow.invitations.items.values()
    assert invitation.token_hash == hash_token(token) and token not in repr(invitation)
    assert invitation.expires_at == clock.now + timedelta(days=7)
    [event] = uow.published
    assert event.type == "identity.user_invited" and event.data["invited_by"] == officer.id
    assert token not in event.to_json()
    entry = uow.audit.entries[-1]
    assert (entry.action, entry.actor_name, entry.subject_name, entry.centre) == \
        ("user_invited", "Tomos Jones", "Joe Bloggs", "68101")


def test_the_email_is_in_the_invitees_language(invite, uow):
    invite(language="cy")
    [email] = uow.emails.queued
    assert email.subject == "Rydych wedi cael gwahoddiad i'r Porth ar gyfer canolfan 68101"
    assert "Annwyl Joe Bloggs" in email.body and "daw i ben ar 9 Mehefin 2025 am 10:00" in email.body


def test_an_email_already_in_use_is_refused_and_nothing_is_created(invite, uow, make_user):
    make_user(email="taken@demo-centre.example")
    users_before = len(uow.users.by_id)
    with pytest.raises(EmailInUse):
        invite(email="Taken@Demo-Centre.example")
    assert len(uow.users.by_id) == users_before and not uow.emails.queued and not uow.published


def test_only_a_manager_of_that_centre_can_invite(invite, make_user, uow):
    uow.centres.add(type(uow.centres.get(68101))(number=68102, name="Other Centre"))
    other_officer = make_user(email="eo@other.example", account_type="exams_officer", centre_number=68102)
    teacher = make_user(email="teacher@demo-centre.example")
    for manager, centre in ((other_officer, "68101"), (teacher, "68101"), (other_officer, "6810")):
        with pytest.raises(CentreNotFound):
            invite(manager=manager, centre=centre)
    assert not uow.emails.queued


def test_accepting_sets_the_password_once_and_the_next_sign_in_enrols_mfa(invite, uow, passwords, policy, clock):
    invite()
    token = link_in(uow.emails.queued[0])
    assert look_up_invitation(uow, token, clock.now)["email"] == "joe.bloggs@demo-centre.example"
    accepted = accept_invitation(uow, passwords, token, NEW_PASSWORD, ORIGIN, clock.now)
    assert accepted == {"email": "joe.bloggs@demo-centre.example", "language": "en", "name": "Joe Bloggs"}
    with pytest.raises(InvitationUsed):
        accept_invitation(uow, passwords, token, "Another-Good-Phrase-1", ORIGIN, clock.now)

    started = start_password_sign_in(uow, passwords, policy, "joe.bloggs@demo-centre.example", NEW_PASSWORD,
                                     ORIGIN, clock.now)
    assert started["outcome"] == "enrolment_required"
    signed_in = confirm_code(uow, policy, started["challenge"], totp.code_at(started["secret"], clock.now),
                             ORIGIN, clock.now)
    assert signed_in["user"]["permissions"] == []
    user = uow.users.get_by_email("joe.bloggs@demo-centre.example")
    assert user.status == "active"
    assert [e.type for e in uow.published] == ["identity.user_invited", "identity.user_activated"]
    with pytest.raises(InvitationUsed):
        look_up_invitation(uow, token, clock.now)


@pytest.mark.parametrize("password,reason", [("short-1A", "too_short"), ("Password2025!", "common"),
                                             ("P@ssw0rd-P@ssw0rd", "common"), ("Joe-Bloggs-Rocks-1", "personal")])
def test_weak_passwords_are_refused_and_the_link_still_works(invite, uow, passwords, clock, password, reason):
    invite()
    token = link_in(uow.emails.queued[0])
    with pytest.raises(PasswordRejected) as refused:
        accept_invitation(uow, passwords, token, password, ORIGIN, clock.now)
    assert refused.value.reason == reason
    assert accept_invitation(uow, passwords, token, NEW_PASSWORD, ORIGIN, clock.now)["name"] == "Joe Bloggs"


def test_a_link_expires_after_the_invite_days(invite, uow, passwords, clock):
    invite()
    token = link_in(uow.emails.queued[0])
    clock.advance(days=7)
    with pytest.raises(InvitationExpired):
        look_up_invitation(uow, token, clock.now)
    with pytest.raises(InvitationExpired):
        accept_invitation(uow, passwords, token, NEW_PASSWORD, ORIGIN, clock.now)
    with pytest.raises(InvitationNotFound):
        look_up_invitation(uow, token + "x", clock.now)


def test_sending_again_gives_a_new_link_and_the_old_one_stops_working(invite, uow, passwords, clock, officer):
    user_id = invite()["id"]
    old = link_in(uow.emails.queued[0])
    clock.advance(days=8)
    again = resend_invitation(uow, POLICY, ZONE, officer.id, "68101", user_id, ORIGIN, clock.now)
    assert again["invitation_expired"] is False
    new = link_in(uow.emails.queued[1])
    with pytest.raises(InvitationExpired):
        look_up_invitation(uow, old, clock.now)
    accept_invitation(uow, passwords, new, NEW_PASSWORD, ORIGIN, clock.now)
    assert uow.audit.entries[-2].action == "invitation_resent"


def test_an_active_user_gets_no_new_invite(make_user, uow, clock, officer):
    active = make_user(email="active@demo-centre.example")
    with pytest.raises(AlreadyActive):
        resend_invitation(uow, POLICY, ZONE, officer.id, "68101", active.id, ORIGIN, clock.now)
