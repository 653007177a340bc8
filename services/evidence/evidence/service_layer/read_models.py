"""Keeping what evidence knows of other services in step with their events (applied by the consumer)."""
from datetime import datetime

from ..domain.units import CurrentSample, SubmittedUnit


def record_submission(uow, unit: SubmittedUnit) -> None:
    with uow:
        uow.read_models.put_unit(unit)
        uow.commit()


def record_sample(uow, sample: CurrentSample) -> bool:
    """An older version arriving late changes nothing; True if this version was taken."""
    with uow:
        taken = uow.read_models.replace_sample(sample)
        uow.commit()
    return taken


def record_allocation(uow, allocation_id: str, centre: str, email: str, name: str, at: datetime) -> None:
    with uow:
        uow.read_models.allocate(allocation_id, centre, email, name, at)
        uow.commit()
