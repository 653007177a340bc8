"""What evidence's worker runs beside the outbox relay and the consumer: removing abandoned uploads."""
import logging
import threading
from datetime import datetime, timedelta, timezone

from sqlalchemy.engine import Engine

from iamis_shared.db import make_session_factory

from ..adapters.object_store import ObjectStore
from ..domain.errors import StorageUnavailable
from ..service_layer.expiry import remove_abandoned_uploads
from ..service_layer.unit_of_work import EvidenceUnitOfWork
from ..settings import object_store, storage_settings, upload_expiry

log = logging.getLogger(__name__)
CHECK_EVERY = 3600.0  # seconds; an upload abandoned for days can wait an hour more


class AbandonedUploadRemoval:
    """Every CHECK_EVERY seconds (and at start); `stop()` ends the loop from another thread. Several workers
    may run it: each takes the sessions the others have not locked."""

    def __init__(self, uow_factory, store: ObjectStore, keep_for: timedelta, interval: float = CHECK_EVERY):
        self.uow_factory, self.store, self.keep_for, self.interval = uow_factory, store, keep_for, interval
        self.stopping = threading.Event()

    def run_once(self) -> int:
        return remove_abandoned_uploads(self.uow_factory(), self.store, datetime.now(timezone.utc), self.keep_for)

    def run_forever(self) -> None:
        while not self.stopping.is_set():
            try:
                removed = self.run_once()
                if removed:
                    log.info("abandoned uploads removed: %d", removed)
            except StorageUnavailable:
                log.warning("abandoned uploads: the object store did not answer; trying again later")
            except Exception:  # the database itself failed; log and keep the loop alive
                log.exception("abandoned uploads: database error")
            self.stopping.wait(self.interval)

    def stop(self) -> None:
        self.stopping.set()


def tasks(engine: Engine, _settings: dict) -> list:
    """Nothing to remove without a store: no upload can start without one."""
    store = object_store(storage_settings())
    if store is None:
        return []
    sessions = make_session_factory(engine)
    return [AbandonedUploadRemoval(lambda: EvidenceUnitOfWork(sessions), store, upload_expiry())]
