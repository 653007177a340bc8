"""What the evidence service's refusals mean, in the person's language: one table for the pages and the
upload script (which gets it as JSON). The service's own English message is the fallback."""
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

AGAIN = _l("The file was not stored: what arrived did not match the file on your computer. Upload it again.")
FINISH_AGAIN = _l("The upload could not be finished. Choose the same file again to upload it.")

REFUSALS = {
    "NOT_SUBMITTED": _l("Centres are reminded not to upload any files until marks/outcomes are submitted and "
                        "samples generated."),
    "NOT_AN_UPLOAD_UNIT": _l("The sample of this unit is not uploaded through IAMIS. Check the subject guidance "
                             "for how to send it to the moderator."),
    "NOT_IN_SAMPLE": _l("This candidate is not in the sample: only the work of candidates in the sample is "
                        "uploaded. Add the candidate to the sample first."),
    "WORK_MISSING": _l("This candidate's work is marked as missing or incomplete: upload the work of the "
                       "substitute instead."),
    "NOT_GROUP_UPLOAD": _l("This unit does not use the Grouped/Admin Upload Function: upload each file against "
                           "its candidate."),
    "FILE_TOO_LARGE": _l("Each file can be at most 1GB. Save the work as smaller files and upload each of them."),
    "FILENAME_REQUIRED": _l("The file has no name. Save it with a name and upload it again."),
    "DEADLINE_PASSED": _l("The deadline for this unit has passed, so uploaded files can no longer be deleted. "
                          "Contact WJEC if the wrong file was uploaded."),
    "BAD_PART_NUMBER": FINISH_AGAIN,
    "PARTS_MISSING": FINISH_AGAIN,
    "UPLOAD_NOT_FOUND": FINISH_AGAIN,
    "CHECKSUM_MISMATCH": AGAIN,
    "SIZE_MISMATCH": AGAIN,
    "FILE_NOT_FOUND": _l("This file is not there any more: it may have been deleted already."),
    "UNIT_NOT_FOUND": _l("There is nothing to upload for this unit yet: the marks have not been submitted."),
    "PERMISSION_MISSING": _l("Your account does not have the IAMIS permission. Ask your Examinations Officer to "
                             "give it to you."),
    "READ_ONLY": _l("Board staff and moderators can see and download the files but cannot upload, delete or "
                    "change the note."),
    "NOTE_TOO_LONG": _l("The note to the moderator must be 5000 characters or fewer."),
    "STORAGE_UNAVAILABLE": _l("Files cannot be stored at the moment. Nothing was changed: try again in a few "
                              "minutes."),
    "VALIDATION_FAILED": _l("The upload could not be started. Reload the page and try again."),
}
PENDING = _l("The sample is being prepared for uploading. Reload the page in a moment to upload files.")
UNAVAILABLE = _l("The uploaded files cannot be shown at the moment. Try again in a few minutes.")
NOTE_LIMIT = 5000
READERS = ("board_staff", "moderator")  # see and download, never change


def refusal_message(refusal) -> str:
    known = REFUSALS.get(refusal.code)
    return str(known) if known else refusal.message or str(UNAVAILABLE)


def why_not(user: dict, listing: dict, deleting: bool = False) -> str:
    """Why this person may not upload (or delete) here, as the listing implies: board staff and moderators only
    read; for the centre's own staff it is the deadline (deleting), or the unit and its sample (uploading)."""
    if user.get("account_type") in READERS:
        return str(REFUSALS["READ_ONLY"])
    if deleting:
        return str(REFUSALS["DEADLINE_PASSED"])
    unit = listing.get("unit") or {}
    if not unit.get("evidence_upload"):
        return str(REFUSALS["NOT_AN_UPLOAD_UNIT"])
    return str(PENDING) if unit.get("submitted") else str(REFUSALS["NOT_SUBMITTED"])


def discarded(name: str) -> str:
    return gettext("The unfinished upload of %(name)s has been discarded.", name=name)


def client_messages() -> dict:
    """The texts the upload script shows, with {name}-style places it fills in."""
    return dict(
        REFUSALS={code: str(text) for code, text in REFUSALS.items()},
        UPLOADED=gettext("%(name)s uploaded", name="{name}"),
        UPLOADING=gettext("Uploading %(name)s: %(percent)s %%", name="{name}", percent="{percent}"),
        PROGRESS=gettext("Upload progress for %(name)s", name="{name}"),
        RESUMING=gettext("Continuing the upload of %(name)s from %(percent)s %%", name="{name}",
                         percent="{percent}"),
        STOPPED_AT=gettext("%(name)s: the upload stopped at %(percent)s %%. Choose the same file again to "
                           "continue.", name="{name}", percent="{percent}"),
        FAILED=gettext("%(name)s was not uploaded: %(reason)s", name="{name}", reason="{reason}"),
        CONNECTION=gettext("The connection was lost. Choose the same file again to continue from where it "
                           "stopped."),
        EXPIRED=gettext("This page has expired. Reload the page, then choose the same file again to continue."),
        SIGNED_OUT=gettext("Your session has ended. Sign in again, then choose the same file again to continue."),
        CHANGED=gettext("The file changed while it was being uploaded. Save it, then upload it again."),
        NO_CHECKSUM=gettext("This browser cannot check files before sending them. Use an up-to-date browser "
                            "over a secure (https) connection."),
        ALREADY=gettext("%(name)s is already being uploaded.", name="{name}"),
        TOO_LARGE=gettext("%(name)s is larger than 1GB. Each file can be at most 1GB.", name="{name}"),
        # Any other failure of the object store or the page: what to do, in the guide's words.
        TRY_AGAIN=gettext("Choose the file again to try again. If it keeps failing, place the file in a zip "
                          "folder and upload the zip file."),
        RESTARTING=gettext("The earlier upload of %(name)s had ended: the file is being sent again from the "
                           "start.", name="{name}"),
        CANCEL=gettext("Cancel"),
        CANCELLED=gettext("The upload of %(name)s was cancelled.", name="{name}"),
        DISCARD=gettext("Discard"),
        DISCARDED=discarded("{name}"),
        NOT_DISCARDED=gettext("The unfinished upload of %(name)s was not discarded: %(reason)s", name="{name}",
                              reason="{reason}"),
    )
