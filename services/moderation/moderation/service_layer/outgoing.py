"""Domain events become outbox envelopes here, validated by the publisher's schema first."""
from iamis_shared.bus.envelope import Envelope, new_envelope

from ..domain.model import ModeratorAllocated
from ..entrypoints.event_schemas import ModeratorAllocatedSchema

SOURCE = "moderation"


def moderator_allocated(event: ModeratorAllocated) -> Envelope:
    data = {"allocation_id": event.allocation_id, "centre": event.centre, "moderator_email": event.moderator_email,
            "moderator_name": event.moderator_name, "allocated_at": event.allocated_at.isoformat()}
    return new_envelope("moderation.moderator_allocated", SOURCE, data, ModeratorAllocatedSchema())
