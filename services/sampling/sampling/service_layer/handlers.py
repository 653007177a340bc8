"""Use cases of the sampling service, as plain functions over a unit of work."""
import uuid
from datetime import datetime

from iamis_shared.bus.envelope import new_envelope

from ..domain.access import check_change, check_read
from ..domain.errors import SampleNotFound
from ..domain.policy import DEFAULT_POLICY
from ..domain.sample import Sample, SampleMember
from ..domain.selection import choose_sample
from ..domain.submitted import SubmittedMarksheet
from ..domain.work import Nearest
from ..entrypoints.event_schemas import SCHEMAS

SOURCE = "sampling"


def generate_sample(uow, sheet: SubmittedMarksheet, now: datetime) -> Sample | None:
    """Choose and store the sample of a submitted marksheet; its event leaves in the same transaction.
    A submission already sampled (the event delivered again) changes nothing."""
    with uow:
        if uow.samples.exists_for(sheet.unit_id, sheet.centre):
            return None
        unit_policy = uow.policies.get(sheet.unit_id)
        policy = unit_policy[0] if unit_policy else DEFAULT_POLICY
        sample = Sample.generated(str(uuid.uuid4()), sheet, choose_sample(sheet, policy), now)
        uow.samples.add(sample, policy.name)
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


def nearest_candidates(uow, actor, centre: str, unit_id: int, number: str) -> Nearest:
    """The candidates the centre may send instead of `number`, whose work is missing or incomplete."""
    check_read(actor, centre)
    with uow:
        sample = uow.samples.get(unit_id, centre, with_work=True)
    if sample is None:
        raise SampleNotFound()
    return sample.nearest(number)


def choose_substitute(uow, actor, centre: str, unit_id: int, number: str, substitute: str, note: str,
                      now: datetime) -> Sample:
    """`number`'s work is missing: it stays listed, flagged, and `substitute` joins the sample after it."""
    check_change(actor, centre)
    with uow:
        sample = _for_change(uow, centre, unit_id, with_work=True)
        added = sample.substitute(number, substitute, note, actor.user_id, now)
        _save(uow, sample, "sampling.sample_extended", added, actor, now)
    return sample


def undo_substitute(uow, actor, centre: str, unit_id: int, number: str, now: datetime) -> Sample:
    check_change(actor, centre)
    with uow:
        sample = _for_change(uow, centre, unit_id)
        removed = sample.undo_substitute(number)
        _save(uow, sample, "sampling.sample_reduced", removed, actor, now)
    return sample


def add_requested_candidates(uow, centre: str, unit_id: int, numbers: list[str], user_id: str,
                             at: datetime) -> list[SampleMember]:
    """The moderator's further samples join the sample; one sampling.sample_extended per candidate added or
    changed, in order, each with the sample as it stood after that change. Raises SampleNotFound when the
    sample is not chosen yet (the submission may still be on its way): the consumer tries again later."""
    with uow:
        sample = _for_change(uow, centre, unit_id)
        changed = []
        for number in numbers:
            member = sample.request_by_moderator(number, user_id, at)
            if member is not None:
                changed.append(member)
                _publish(uow, "sampling.sample_extended", {
                    **sample.as_event(), "candidate_number": member.candidate_number, "reason": member.reason,
                    "changed_by": user_id, "changed_at": at.isoformat()})
        if changed:
            uow.samples.save(sample)
        uow.commit()
    return changed


def _for_change(uow, centre: str, unit_id: int, with_work: bool = False) -> Sample:
    # One change at a time keeps versions in order.
    sample = uow.samples.get(unit_id, centre, for_update=True, with_work=with_work)
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
