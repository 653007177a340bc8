"""Which events the sampling service handles, and how each becomes a use-case call."""
from datetime import datetime, timezone

from iamis_shared.bus.envelope import Envelope

from ..adapters.event_schemas import FurtherSamplesRequestedSchema, MarksheetSubmittedSchema
from ..domain.submitted import SubmittedCandidate, SubmittedMarksheet
from ..service_layer import handlers
from ..service_layer.unit_of_work import SamplingUnitOfWork


def submitted_marksheet(data: dict) -> SubmittedMarksheet:
    loaded = MarksheetSubmittedSchema().load(data)
    return SubmittedMarksheet(
        submission_id=loaded["submission_id"], unit_id=loaded["unit_id"], unit_code=loaded["unit_code"],
        centre=loaded["centre"], kind=loaded["kind"], grades=tuple(loaded["grades"]),
        candidates=tuple(SubmittedCandidate(**c) for c in loaded["candidates"]))


def on_marksheet_submitted(session, envelope: Envelope) -> None:
    handlers.generate_sample(SamplingUnitOfWork(session=session), submitted_marksheet(envelope.data),
                             datetime.now(timezone.utc))


def on_further_samples_requested(session, envelope: Envelope) -> None:
    data = FurtherSamplesRequestedSchema().load(envelope.data)
    handlers.add_requested_candidates(SamplingUnitOfWork(session=session), data["centre"], data["unit_id"],
                                      data["candidate_numbers"], data["requested_by"]["user_id"],
                                      data["requested_at"])


HANDLERS = {"marks.marksheet_submitted": on_marksheet_submitted,
            "moderation.further_samples_requested": on_further_samples_requested}
