"""Keeping what moderation knows of other services in step with their events (applied by the consumer)."""
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
