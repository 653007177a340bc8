"""Use cases of the reports service, as plain functions over a unit of work."""
from ..domain.events import UserActivated
from ..domain.model import DirectoryEntry


def record_user_activated(uow, event: UserActivated) -> None:
    with uow:
        entry = uow.directory.get(event.user_id)
        if entry is None:
            entry = DirectoryEntry(user_id=event.user_id, name=event.name, email=event.email,
                                   account_type=event.account_type, centres=list(event.centres),
                                   activated_at=event.activated_at)
            uow.directory.add(entry)
        else:
            entry.name, entry.email = event.name, event.email
            entry.account_type, entry.centres = event.account_type, list(event.centres)
            entry.activated_at = entry.activated_at or event.activated_at
        uow.commit()


def list_directory(uow, centre: str | None = None) -> list[DirectoryEntry]:
    with uow:
        return uow.directory.list(centre)
