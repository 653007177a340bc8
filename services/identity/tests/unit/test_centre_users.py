"""Managing a centre's users through the handlers: list, access, removal, and the rules that protect a centre."""
from datetime import timedelta

import pytest

from identity.domain import totp
from identity.domain.audit import Origin
from identity.domain.errors import (CannotRemoveSelf, LastExamsOfficer, OwnAdminRights, SessionEnded, SignInFailed,
                                    UserNotFound)
from identity.domain.model import INVITED, Centre
from identity.domain.sessions import UserSession
from identity.service_layer.centre_users import centre_audit, change_access, list_users, remove_user
from identity.service_layer.sessions import read_session
from identity.service_layer.sign_in import start_password_sign_in

ORIGIN = Origin(ip="203.0.113.9", user_agent="Firefox")


@pytest.fixture
def officer(make_user):
    return make_user(email="eo@demo-centre.example", account_type="exams_officer", permissions=())


@pytest.fixture
def teacher(make_user):
    return make_user(email="teacher@demo-centre.example", permissions=())


def test_the_list_shows_the_centres_users_with_status_and_last_sign_in(make_user, officer, uow, clock):
    make_user(email="new@demo-centre.example", status=INVITED)
    officer.last_signed_in_at = clock.now - timedelta(days=1)
    uow.centres.add(Centre(number=68102, name="Other Centre"))
    make_user(email="elsewhere@other.example", centre_number=68102)
    listed = list_users(uow, officer.id, "68101", None, clock.now)
    assert [(u["email"], u["status"], u["last_signed_in_at"]) for u in listed] == [
        ("eo@demo-centre.example", "active", clock.now - timedelta(days=1)),
        ("new@demo-centre.example", "invited", None)]
    assert listed[1]["invitation_expired"] is True  # invited without a live link: send the invite again
    assert [u["email"] for u in list_users(uow, officer.id, "68101", "NEW@", clock.now)] == \
        ["new@demo-centre.example"]


def test_granting_iamis_reaches_the_users_next_session_check(officer, teacher, uow, policy, clock):
    user_session = UserSession(user_id=teacher.id, created_at=clock.now, last_seen_at=clock.now)
    uow.sessions.add(user_session)
    assert read_session(uow, policy, user_session.id, clock.now)["user"]["permissions"] == []
    changed = change_access(uow, officer.id, "68101", teacher.id, "user", ["view_scripts", "iamis"], ORIGIN,
                            clock.now)
    assert changed["permissions"] == ["iamis", "view_scripts"]
    claims = read_session(uow, policy, user_session.id, clock.now)["user"]
    assert claims["permissions"] == ["iamis", "view_scripts"]
    [event] = uow.published
    assert event.type == "identity.access_changed" and event.data["permissions"] == ["iamis", "view_scripts"]
    entry = uow.audit.entries[-1]
    assert (entry.action, entry.subject_name, entry.detail["after"]["permissions"]) == \
        ("access_changed", "Tomos Jones", ["iamis", "view_scripts"])


def test_saving_the_same_access_again_changes_nothing(officer, teacher, uow, clock):
    change_access(uow, officer.id, "68101", teacher.id, "user", [], ORIGIN, clock.now)
    assert not uow.published and not uow.audit.entries


def test_an_admin_cannot_remove_their_own_admin_rights(make_user, officer, uow, clock):
    admin = make_user(email="admin@demo-centre.example", account_type="admin")
    with pytest.raises(OwnAdminRights):
        change_access(uow, admin.id, "68101", admin.id, "user", ["iamis"], ORIGIN, clock.now)
    assert admin.account_type == "admin"
    change_access(uow, officer.id, "68101", admin.id, "user", ["iamis"], ORIGIN, clock.now)
    assert admin.account_type == "user"


def test_the_last_exams_officer_is_never_changed_or_removed(make_user, officer, uow, clock):
    admin = make_user(email="admin@demo-centre.example", account_type="admin")
    with pytest.raises(LastExamsOfficer):
        change_access(uow, admin.id, "68101", officer.id, "admin", [], ORIGIN, clock.now)
    with pytest.raises(LastExamsOfficer):
        remove_user(uow, admin.id, "68101", officer.id, ORIGIN, clock.now)
    second = make_user(email="eo2@demo-centre.example", account_type="exams_officer")
    remove_user(uow, admin.id, "68101", officer.id, ORIGIN, clock.now)
    with pytest.raises(LastExamsOfficer):
        change_access(uow, admin.id, "68101", second.id, "user", [], ORIGIN, clock.now)


def test_nobody_removes_themselves(officer, uow, clock):
    with pytest.raises(CannotRemoveSelf):
        remove_user(uow, officer.id, "68101", officer.id, ORIGIN, clock.now)


def test_removal_ends_sessions_at_once_stops_sign_in_and_keeps_names(officer, teacher, uow, passwords, policy,
                                                                     clock):
    user_session = UserSession(user_id=teacher.id, created_at=clock.now, last_seen_at=clock.now)
    uow.sessions.add(user_session)
    teacher.mfa_secret = totp.new_secret()
    remove_user(uow, officer.id, "68101", teacher.id, ORIGIN, clock.now)
    assert user_session.end_reason == "user_removed"
    with pytest.raises(SessionEnded):
        read_session(uow, policy, user_session.id, clock.now)
    with pytest.raises(SignInFailed):
        start_password_sign_in(uow, passwords, policy, teacher.email, "Correct-Horse-42", ORIGIN, clock.now)
    with pytest.raises(UserNotFound):
        remove_user(uow, officer.id, "68101", teacher.id, ORIGIN, clock.now)
    assert [u["email"] for u in list_users(uow, officer.id, "68101", None, clock.now)] == [officer.email]
    [event] = uow.published
    assert event.type == "identity.user_removed" and event.data["name"] == "Tomos Jones"
    entries = centre_audit(uow, officer.id, "68101", {"user": teacher.id})
    assert [(e["action"], e["subject_name"]) for e in entries][0] == ("user_removed", "Tomos Jones")


def test_the_audit_log_filters_by_user_and_time_newest_first(officer, teacher, make_user, uow, clock):
    other = make_user(email="other@demo-centre.example", permissions=())
    change_access(uow, officer.id, "68101", teacher.id, "user", ["iamis"], ORIGIN, clock.now)
    clock.advance(days=1)
    change_access(uow, officer.id, "68101", other.id, "user", ["iamis"], ORIGIN, clock.now)
    clock.advance(days=1)
    change_access(uow, officer.id, "68101", teacher.id, "user", [], ORIGIN, clock.now)
    about_teacher = centre_audit(uow, officer.id, "68101", {"user": teacher.id})
    assert [e["detail"]["after"]["permissions"] for e in about_teacher] == [[], ["iamis"]]
    middle_day = centre_audit(uow, officer.id, "68101", {"since": clock.now - timedelta(days=1, hours=1),
                                                          "until": clock.now - timedelta(hours=1)})
    assert [e["subject_user_id"] for e in middle_day] == [other.id]
    assert len(centre_audit(uow, officer.id, "68101", {"limit": 2})) == 2
