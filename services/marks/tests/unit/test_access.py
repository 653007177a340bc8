"""Who may read and change a centre's marks."""
import pytest

from marks.domain.access import Actor, check_audit_reader, check_read, check_write
from marks.domain.errors import (AuditNotAllowed, CentreNotFound, NotForModerators, PermissionMissing, ReadOnly,
                                 UnitNotFound)


def actor(account_type="user", centres=("68101",), permissions=("iamis",)):
    return Actor(user_id="u", account_type=account_type, centres=centres, permissions=permissions)


@pytest.mark.parametrize("who", [actor(), actor("exams_officer", permissions=()), actor("admin", permissions=())])
def test_the_centre_teachers_with_iamis_and_its_officers_read_and_write(who):
    check_read(who, "68101")
    check_write(who, "68101")


def test_another_centre_looks_like_one_that_does_not_exist():
    with pytest.raises(UnitNotFound):
        check_write(actor(), "68102", UnitNotFound)
    with pytest.raises(CentreNotFound):
        check_read(actor("exams_officer"), "68102")


@pytest.mark.parametrize("who,error", [
    (actor(permissions=("entries_results",)), PermissionMissing),
    (actor(permissions=(), centres=()), PermissionMissing),
    (actor("moderator", centres=()), NotForModerators),
    (actor("", centres=("68101",)), PermissionMissing),
])
def test_without_iamis_or_a_centre_account_nothing_is_allowed(who, error):
    with pytest.raises(error):
        check_read(who, "68101")


def test_board_staff_read_every_centre_and_change_nothing():
    staff = actor("board_staff", centres=())
    check_read(staff, "68102")
    check_audit_reader(staff, "68102")
    with pytest.raises(ReadOnly) as refused:
        check_write(staff, "68101")
    assert refused.value.message == "Board staff can view marks and outcomes but cannot change them."


def test_only_officers_and_admins_read_the_audit_log():
    check_audit_reader(actor("exams_officer"), "68101")
    with pytest.raises(AuditNotAllowed):
        check_audit_reader(actor(), "68101")
    with pytest.raises(CentreNotFound):
        check_audit_reader(actor("admin"), "68102")
