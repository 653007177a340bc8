"""Requesting further samples, and the candidates a moderator chooses them from."""
import uuid
from dataclasses import dataclass
from datetime import datetime

from ..domain.access import Actor, check_requester
from ..domain.further_samples import CandidateChoice, FurtherSamplesRequest, choices
from ..domain.units import SubmittedUnit
from . import outgoing


@dataclass(frozen=True)
class UnitCandidates:
    unit: SubmittedUnit
    candidates: list[CandidateChoice]
    requests: list[FurtherSamplesRequest]


def unit_candidates(uow, actor: Actor, centre: str, unit_id: int) -> UnitCandidates:
    """Every submitted candidate with whether they are in the sample and may be asked for, and the requests so far."""
    with uow:
        _check(uow, actor, centre)
        unit, sample = uow.read_models.unit(centre, unit_id), uow.read_models.sample(centre, unit_id)
        earlier = uow.further_samples.for_unit(centre, unit_id)
        return UnitCandidates(unit, choices(unit, sample, earlier), earlier)


def request_further_samples(uow, actor: Actor, centre: str, unit_id: int, numbers: list[str],
                            now: datetime) -> FurtherSamplesRequest:
    """The request is stored and moderation.further_samples_requested leaves in the same transaction; a refusal
    changes nothing."""
    with uow:
        _check(uow, actor, centre)
        unit = uow.read_models.unit(centre, unit_id, for_update=True)  # one request for the unit at a time
        request = FurtherSamplesRequest.new(str(uuid.uuid4()), unit, uow.read_models.sample(centre, unit_id),
                                            uow.further_samples.for_unit(centre, unit_id), numbers,
                                            actor.user_id, actor.name, now)
        uow.further_samples.add(request)
        uow.publish(outgoing.further_samples_requested(request.requested(unit.unit_code)))
        uow.commit()
    return request


def _check(uow, actor: Actor, centre: str) -> None:
    allocated = bool(actor.moderator_email) and uow.allocations.get(centre, actor.moderator_email) is not None
    check_requester(actor, allocated)
