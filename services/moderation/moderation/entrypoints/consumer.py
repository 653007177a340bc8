"""Which events the moderation service handles; the queue's bindings are in iamis_shared.bus.topology."""
from iamis_shared.bus.envelope import Envelope

from ..adapters.event_schemas import MarksheetSubmittedSchema, SampleChangedSchema
from ..domain.units import CurrentSample, SampleMember, SubmittedCandidate, SubmittedUnit
from ..service_layer import read_models
from ..service_layer.unit_of_work import ModerationUnitOfWork


def on_marksheet_submitted(session, envelope: Envelope) -> None:
    data = MarksheetSubmittedSchema().load(envelope.data)
    read_models.record_submission(ModerationUnitOfWork(session=session), SubmittedUnit(
        centre=data["centre"], unit_id=data["unit_id"], unit_code=data["unit_code"], unit_title=data["unit_title"],
        series=data["series"], kind=data["kind"], submitted_at=data["submitted_at"],
        candidates=tuple(SubmittedCandidate(**c) for c in data["candidates"])))


def on_sample_changed(session, envelope: Envelope) -> None:
    data = SampleChangedSchema().load(envelope.data)
    read_models.record_sample(ModerationUnitOfWork(session=session), CurrentSample(
        centre=data["centre"], unit_id=data["unit_id"], version=data["version"],
        members=tuple(SampleMember(c["candidate_number"], c["reason"]) for c in data["candidates"])))


HANDLERS = {"marks.marksheet_submitted": on_marksheet_submitted, "sampling.sample_generated": on_sample_changed,
            "sampling.sample_extended": on_sample_changed, "sampling.sample_reduced": on_sample_changed}
