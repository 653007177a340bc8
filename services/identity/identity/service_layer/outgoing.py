"""Domain events become outbox envelopes here, validated by the publisher's schema first."""
from dataclasses import asdict
from datetime import datetime

from iamis_shared.bus.envelope import Envelope, new_envelope

from ..domain.access import centre_code, claims_for, effective_permissions
from ..domain.events import AccessChanged, UserActivated, UserInvited, UserRemoved
from ..domain.model import User
from ..entrypoints.event_schemas import SCHEMAS

SOURCE = "identity"
ROUTING_KEYS = {UserActivated: "identity.user_activated", UserInvited: "identity.user_invited",
                AccessChanged: "identity.access_changed", UserRemoved: "identity.user_removed"}


def user_activated(user: User, activated_at: datetime) -> UserActivated:
    return UserActivated(user_id=user.id, name=user.full_name, email=user.email,
                         account_type=user.account_type, centres=tuple(claims_for(user)["centres"]),
                         activated_at=activated_at)


def user_invited(user: User, invited_by: User, invited_at: datetime, expires_at: datetime) -> UserInvited:
    return UserInvited(user_id=user.id, name=user.full_name, email=user.email, account_type=user.account_type,
                       centre=centre_code(user.centre_number), language=user.language, invited_by=invited_by.id,
                       invited_at=invited_at, expires_at=expires_at)


def access_changed(user: User, changed_by: User, changed_at: datetime) -> AccessChanged:
    return AccessChanged(user_id=user.id, name=user.full_name, centre=centre_code(user.centre_number),
                         account_type=user.account_type,
                         permissions=tuple(effective_permissions(user.account_type, user.permissions)),
                         changed_by=changed_by.id, changed_at=changed_at)


def user_removed(user: User, removed_by: User, removed_at: datetime) -> UserRemoved:
    return UserRemoved(user_id=user.id, name=user.full_name, email=user.email,
                       centre=centre_code(user.centre_number), removed_by=removed_by.id, removed_at=removed_at)


def envelope_for(event) -> Envelope:
    routing_key = ROUTING_KEYS[type(event)]
    data = {name: _plain(value) for name, value in asdict(event).items()}
    return new_envelope(routing_key, SOURCE, data, SCHEMAS[routing_key]())


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
