"""Which events the evidence service handles; the queue's bindings are in iamis_shared.bus.topology."""
from iamis_shared.bus.envelope import Envelope

from ..adapters.event_schemas import MarksheetSubmittedSchema, ModeratorAllocatedSchema, SampleChangedSchema
from ..domain.units import CurrentSample, SampleMember, SubmittedCandidate, SubmittedUnit
from ..service_layer import read_models
from ..service_layer.unit_of_work import EvidenceUnitOfWork


def on_marksheet_submitted(session, envelope: Envelope) -> None:
    data = MarksheetSubmittedSchema().load(envelope.data)
    read_models.record_submission(EvidenceUnitOfWork(session=session), SubmittedUnit(
        centre=data["centre"], unit_id=data["unit_id"], unit_code=data["unit_code"], unit_title=data["unit_title"],
        series=data["series"], kind=data["kind"], deadline=data["deadline"], evidence_upload=data["evidence_upload"],
        group_upload=data["group_upload"], submitted_at=data["submitted_at"],
        candidates=tuple(SubmittedCandidate(**c) for c in data["candidates"])))


def on_sample_changed(session, envelope: Envelope) -> None:
    data = SampleChangedSchema().load(envelope.data)
    read_models.record_sample(EvidenceUnitOfWork(session=session), CurrentSample(
        centre=data["centre"], unit_id=data["unit_id"], version=data["version"],
        members=tuple(SampleMember(c["candidate_number"], c["reason"], c["work_missing"], c["substitute_for"],
                                   c["note_to_moderator"]) for c in data["candidates"])))


def on_moderator_allocated(session, envelope: Envelope) -> None:
    data = ModeratorAllocatedSchema().load(envelope.data)
    read_models.record_allocation(EvidenceUnitOfWork(session=session), data["allocation_id"], data["centre"],
                                  data["moderator_email"], data["moderator_name"], data["allocated_at"])


HANDLERS = {"marks.marksheet_submitted": on_marksheet_submitted, "sampling.sample_generated": on_sample_changed,
            "sampling.sample_extended": on_sample_changed, "sampling.sample_reduced": on_sample_changed,
            "moderation.moderator_allocated": on_moderator_allocated}
