"""Domain events become outbox envelopes here, validated by the publisher's schema first."""
from dataclasses import asdict
from datetime import datetime

from iamis_shared.bus.envelope import Envelope, new_envelope

from ..domain.access import claims_for
from ..domain.events import UserActivated
from ..domain.model import User
from ..entrypoints.event_schemas import UserActivatedSchema

SOURCE = "identity"


def user_activated(user: User, activated_at: datetime) -> UserActivated:
    return UserActivated(user_id=user.id, name=user.full_name, email=user.email,
                         account_type=user.account_type, centres=tuple(claims_for(user)["centres"]),
                         activated_at=activated_at)


def envelope_for(event: UserActivated) -> Envelope:
    data = asdict(event)
    data["centres"] = list(event.centres)
    data["activated_at"] = event.activated_at.isoformat()
    return new_envelope("identity.user_activated", SOURCE, data, UserActivatedSchema())
