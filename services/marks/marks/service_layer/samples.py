"""Keeping the marksheet's sample ticks in step with the sampling service."""
from ..domain.samples import SampleChanged


def record_sample(uow, sample: SampleChanged) -> bool:
    with uow:
        taken = uow.samples.replace(sample)
        uow.commit()
    return taken
