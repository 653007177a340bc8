"""Which candidates take files, until when files can be deleted, who may do what, and the note."""
from datetime import date, datetime, timezone

import pytest

from evidence.domain.access import Actor, check_read, check_write, may_write
from evidence.domain.errors import (DeadlinePassed, FileNotFound, NotAnUploadUnit, NotGroupUpload, NoteTooLong,
                                    NotInSample, NotSubmitted, PermissionMissing, ReadOnly, UnitNotFound, WorkMissing)
from evidence.domain.files import note_text
from evidence.domain.units import (CurrentSample, SampleMember, SubmittedUnit, check_can_delete, check_upload_target,
                                   deadline_passed)


def unit(evidence_upload=True, group_upload=False, deadline=date(2027, 5, 15)) -> SubmittedUnit:
    return SubmittedUnit(centre="68101", unit_id=3, unit_code="3653U1", unit_title="ART & DESIGN",
                         series="GCSE JUNE 2025", kind="marks", deadline=deadline, evidence_upload=evidence_upload,
                         group_upload=group_upload, submitted_at=datetime(2027, 5, 1, tzinfo=timezone.utc))


SAMPLE = CurrentSample("68101", 3, 2, (SampleMember("0001", "highest"), SampleMember("0007", "centre-added")))


def test_sampled_candidates_take_files_and_others_are_refused():
    check_upload_target(unit(), SAMPLE, "0001")
    check_upload_target(unit(), SAMPLE, "0007")
    with pytest.raises(NotInSample):
        check_upload_target(unit(), SAMPLE, "0002")


def test_a_candidate_whose_work_is_missing_takes_no_files_and_its_substitute_does():
    sample = CurrentSample("68101", 3, 3, (SampleMember("0001", "highest", work_missing=True),
                                           SampleMember("0002", "substitute", substitute_for="0001"),
                                           SampleMember("0007", "lowest")))
    with pytest.raises(WorkMissing) as refused:
        check_upload_target(unit(), sample, "0001")
    assert refused.value.message == ("This candidate's work is marked as missing or incomplete: upload the work "
                                     "of the substitute instead.")
    check_upload_target(unit(), sample, "0002")
    check_upload_target(unit(), sample, "0007")
    check_upload_target(unit(group_upload=True), sample, None)  # the unit's own files are not the candidate's


def test_nothing_is_taken_before_the_marksheet_is_submitted_and_the_sample_generated():
    with pytest.raises(NotSubmitted, match="until marks/outcomes are submitted and samples generated"):
        check_upload_target(None, SAMPLE, "0001")
    with pytest.raises(NotSubmitted):
        check_upload_target(unit(), None, "0001")


def test_a_unit_that_takes_no_uploads_refuses_them():
    with pytest.raises(NotAnUploadUnit):
        check_upload_target(unit(evidence_upload=False), SAMPLE, "0001")


def test_the_group_upload_is_only_for_units_set_for_it():
    check_upload_target(unit(group_upload=True), SAMPLE, None)
    with pytest.raises(NotGroupUpload):
        check_upload_target(unit(group_upload=False), SAMPLE, None)


@pytest.mark.parametrize("deadline,now,passed", [
    # British Summer Time: the deadline day ends at 23:00 UTC.
    (date(2027, 5, 15), datetime(2027, 5, 15, 22, 59, 59, tzinfo=timezone.utc), False),
    (date(2027, 5, 15), datetime(2027, 5, 15, 23, 0, 0, tzinfo=timezone.utc), True),
    # Greenwich Mean Time: at midnight UTC.
    (date(2027, 11, 5), datetime(2027, 11, 5, 23, 59, 59, tzinfo=timezone.utc), False),
    (date(2027, 11, 5), datetime(2027, 11, 6, 0, 0, 0, tzinfo=timezone.utc), True),
    (date(2027, 11, 5), datetime(2027, 11, 4, 9, 0, 0, tzinfo=timezone.utc), False),
])
def test_the_whole_deadline_day_in_london_still_counts(deadline, now, passed):
    assert deadline_passed(deadline, now) is passed


def test_deleting_after_the_deadline_is_refused_naming_the_deadline():
    check_can_delete(unit(), datetime(2027, 5, 15, 12, 0, tzinfo=timezone.utc))
    with pytest.raises(DeadlinePassed, match="15/05/2027"):
        check_can_delete(unit(), datetime(2027, 5, 16, 12, 0, tzinfo=timezone.utc))


TEACHER = Actor("t-1", "Tomos Jones", "t@demo-centre.example", "user", ("68101",), ("iamis",))
OFFICER = Actor("o-1", "Olwen Price", "o@demo-centre.example", "exams_officer", ("68101",), ())
NO_IAMIS = Actor("n-1", "Nia Lloyd", "n@demo-centre.example", "user", ("68101",), ())
OTHER_CENTRE = Actor("x-1", "Huw Bevan", "h@other-centre.example", "user", ("68102",), ("iamis",))
STAFF = Actor("s-1", "Sian Roberts", "staff@board.example", "board_staff")
MODERATOR = Actor("m-1", "Mared Hughes", "Moderator@Board.example", "moderator")


def test_the_centre_iamis_users_and_its_exams_officer_write():
    check_write(TEACHER, "68101")
    check_write(OFFICER, "68101")
    assert may_write(TEACHER, "68101") and not may_write(TEACHER, "68102")


@pytest.mark.parametrize("actor,refusal", [(NO_IAMIS, PermissionMissing), (OTHER_CENTRE, UnitNotFound),
                                           (STAFF, ReadOnly), (MODERATOR, ReadOnly)])
def test_everyone_else_is_refused_writing(actor, refusal):
    with pytest.raises(refusal):
        check_write(actor, "68101")
    assert not may_write(actor, "68101")


def test_board_staff_and_the_allocated_moderator_read_and_another_centre_looks_missing():
    check_read(STAFF, "68101", allocated=False)
    check_read(MODERATOR, "68101", allocated=True)
    check_read(TEACHER, "68101", allocated=False)
    with pytest.raises(FileNotFound):
        check_read(MODERATOR, "68101", allocated=False, missing=FileNotFound)
    with pytest.raises(UnitNotFound):
        check_read(OTHER_CENTRE, "68101", allocated=False)
    assert MODERATOR.moderator_email == "moderator@board.example"


def test_the_note_holds_up_to_5000_characters_and_a_blank_one_clears_it():
    assert note_text("x" * 5000) == "x" * 5000
    assert note_text("  \n ") == ""
    with pytest.raises(NoteTooLong):
        note_text("x" * 5001)
