"""Domain events become outbox envelopes here, validated by the publisher's schema first."""
from iamis_shared.bus.envelope import Envelope, new_envelope

from ..domain.further_samples import FurtherSamplesRequested
from ..domain.model import ModeratorAllocated
from ..entrypoints.event_schemas import FurtherSamplesRequestedSchema, ModeratorAllocatedSchema

SOURCE = "moderation"


def moderator_allocated(event: ModeratorAllocated) -> Envelope:
    data = {"allocation_id": event.allocation_id, "centre": event.centre, "moderator_email": event.moderator_email,
            "moderator_name": event.moderator_name, "allocated_at": event.allocated_at.isoformat()}
    return new_envelope("moderation.moderator_allocated", SOURCE, data, ModeratorAllocatedSchema())


def further_samples_requested(event: FurtherSamplesRequested) -> Envelope:
    data = {"request_id": event.request_id, "centre": event.centre, "unit_id": event.unit_id,
            "unit_code": event.unit_code, "candidate_numbers": list(event.candidate_numbers),
            "requested_by": {"user_id": event.requested_by, "name": event.requested_by_name},
            "requested_at": event.requested_at.isoformat()}
    return new_envelope("moderation.further_samples_requested", SOURCE, data, FurtherSamplesRequestedSchema())
