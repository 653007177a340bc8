"""Which events the marks service handles; the queue's bindings are in iamis_shared.bus.topology."""
from iamis_shared.bus.envelope import Envelope

from ..adapters.sampling_event_schemas import SampleChangedSchema
from ..domain.samples import SampleChanged, SampleMember
from ..service_layer.samples import record_sample
from ..service_layer.unit_of_work import MarksUnitOfWork


def on_sample_changed(session, envelope: Envelope) -> None:
    data = SampleChangedSchema().load(envelope.data)
    record_sample(MarksUnitOfWork(session=session), SampleChanged(
        sample_id=data["sample_id"], unit_id=data["unit_id"], centre=data["centre"], version=data["version"],
        members=tuple(SampleMember(c["candidate_number"], c["reason"]) for c in data["candidates"])))


HANDLERS = {"sampling.sample_generated": on_sample_changed, "sampling.sample_extended": on_sample_changed,
            "sampling.sample_reduced": on_sample_changed}
