"""A unit's evidence as the pages show it, downloading and deleting files, the note, the moderator's list."""
import logging
from datetime import datetime

from ..domain.access import BOARD_STAFF, MODERATOR, Actor, check_read, check_write, may_write
from ..domain.errors import FileNotFound, NotSubmitted, PermissionMissing, StorageUnavailable, UnitNotFound
from ..domain.events import FileDeleted
from ..domain.files import EvidenceFile, ModeratorNote, note_text
from ..domain.units import check_can_delete, deadline_passed
from .outgoing import file_deleted
from .uploads import Origin

log = logging.getLogger(__name__)

def unit_evidence(uow, actor: Actor, centre: str, unit_id: int, now: datetime) -> dict:
    """The unit, its sample, note, files and unfinished uploads, and what this person may do with them."""
    with uow:
        _check_read(uow, actor, centre)
        unit = uow.read_models.unit(centre, unit_id)
        if unit is None:
            raise UnitNotFound()
        sample = uow.read_models.sample(centre, unit_id)
        writer = may_write(actor, centre)
        view = {"unit": unit, "sample": sample.members if sample else (), "note": uow.notes.get(centre, unit_id),
                "files": uow.files.for_unit(centre, unit_id),
                "uploads": uow.uploads.unfinished(centre, unit_id) if writer else [],
                "can_upload": writer and unit.evidence_upload and sample is not None,
                "can_delete": writer and not deadline_passed(unit.deadline, now)}
    return view


def download_url(uow, store, actor: Actor, file_id: str, origin: Origin) -> str:
    with uow:
        file = uow.files.get(file_id)
        if file is None:
            raise FileNotFound()
        _check_read(uow, actor, file.centre, FileNotFound)
    return store.download_url(origin.host, origin.secure, file.key, file.filename)


def delete_file(uow, store, actor: Actor, file_id: str, now: datetime) -> EvidenceFile:
    """Up to the unit's deadline. The record goes first: if the commit fails the file is still there, whole.
    An object the store then fails to remove is logged for an operator; nobody can reach it any more."""
    with uow:
        file = uow.files.get(file_id, for_update=True)
        if file is None:
            raise FileNotFound()
        check_write(actor, file.centre, FileNotFound)
        unit = uow.read_models.unit(file.centre, file.unit_id)
        check_can_delete(unit, now)
        uow.files.remove(file.id)
        uow.publish(file_deleted(FileDeleted(file.id, file.centre, file.unit_id, unit.unit_code,
                                             file.candidate_number, file.filename, actor.user_id, actor.name, now)))
        uow.commit()
    try:
        store.remove(file.key)
    except StorageUnavailable:
        log.error("evidence file %s deleted, but its object %s is still in the store: remove it", file.id, file.key)
    return file


def save_note(uow, actor: Actor, centre: str, unit_id: int, text: str, now: datetime) -> ModeratorNote:
    """The centre's explanatory note to the moderator for the unit; an empty note clears it."""
    check_write(actor, centre)
    note = ModeratorNote(centre, unit_id, note_text(text), now, actor.user_id, actor.name)
    with uow:
        if uow.read_models.unit(centre, unit_id) is None:
            raise NotSubmitted()
        uow.notes.put(note)
        uow.commit()
    return note


def allocated_units(uow, actor: Actor) -> list[dict]:
    """A moderator's allocated centres with their submitted upload units; for board staff, every centre's."""
    with uow:
        if actor.account_type == BOARD_STAFF:
            centres, listed = None, []
        elif actor.account_type == MODERATOR:
            centres = uow.read_models.allocated_centres(actor.moderator_email)
            listed = centres
        else:
            raise PermissionMissing("Only moderators and board staff can see the evidence of allocated centres.")
        units = uow.read_models.upload_units(centres)
    by_centre: dict[str, list] = {centre: [] for centre in listed}
    for unit, files in units:
        by_centre.setdefault(unit.centre, []).append({"unit": unit, "files": files})
    return [{"centre": centre, "units": held} for centre, held in by_centre.items()]


def _check_read(uow, actor: Actor, centre: str, missing: type[Exception] = UnitNotFound) -> None:
    allocated = actor.account_type == MODERATOR and uow.read_models.is_allocated(centre, actor.moderator_email)
    check_read(actor, centre, allocated, missing)
