"""Use cases of the sampling service, as plain functions over a unit of work."""
import uuid
from datetime import datetime

from iamis_shared.bus.envelope import new_envelope

from ..domain.access import check_change, check_read
from ..domain.errors import SampleNotFound
from ..domain.sample import Sample
from ..domain.selection import choose_sample
from ..domain.submitted import SubmittedMarksheet
from ..entrypoints.event_schemas import SCHEMAS

SOURCE = "sampling"


def generate_sample(uow, sheet: SubmittedMarksheet, now: datetime) -> Sample | None:
    """Choose and store the sample of a submitted marksheet; its event leaves in the same transaction.
    A submission already sampled (the event delivered again) changes nothing."""
    with uow:
        if uow.samples.exists_for(sheet.unit_id, sheet.centre):
            return None
        sample = Sample.generated(str(uuid.uuid4()), sheet, choose_sample(sheet), now)
        uow.samples.add(sample)
        _publish(uow, "sampling.sample_generated", {**sample.as_event(), "generated_at": now.isoformat()})
        uow.commit()
    return sample


def read_sample(uow, actor, centre: str, unit_id: int) -> Sample:
    check_read(actor, centre)
    with uow:
        sample = uow.samples.get(unit_id, centre)
    if sample is None:
        raise SampleNotFound()
    return sample


def add_candidate(uow, actor, centre: str, unit_id: int, number: str, now: datetime) -> Sample:
    check_change(actor, centre)
    with uow:
        sample = _for_change(uow, centre, unit_id)
        added = sample.add(number, actor.user_id, now)
        _save(uow, sample, "sampling.sample_extended", added, actor, now)
    return sample


def remove_candidate(uow, actor, centre: str, unit_id: int, number: str, now: datetime) -> Sample:
    check_change(actor, centre)
    with uow:
        sample = _for_change(uow, centre, unit_id)
        removed = sample.remove(number)
        _save(uow, sample, "sampling.sample_reduced", removed, actor, now)
    return sample


def _for_change(uow, centre: str, unit_id: int) -> Sample:
    sample = uow.samples.get(unit_id, centre, for_update=True)  # one change at a time keeps versions in order
    if sample is None:
        raise SampleNotFound()
    return sample


def _save(uow, sample: Sample, event_type: str, member, actor, now: datetime) -> None:
    uow.samples.save(sample)
    _publish(uow, event_type, {**sample.as_event(), "candidate_number": member.candidate_number,
                               "reason": member.reason, "changed_by": actor.user_id, "changed_at": now.isoformat()})
    uow.commit()


def _publish(uow, event_type: str, data: dict) -> None:
    uow.publish(new_envelope(event_type, SOURCE, data, SCHEMAS[event_type]()))
