"""Which events the reports service handles, and how each becomes a use-case call."""
from iamis_shared.bus.envelope import Envelope

from ..adapters.event_schemas import UserActivatedSchema
from ..domain.events import UserActivated
from ..service_layer import handlers
from ..service_layer.unit_of_work import ReportsUnitOfWork


def on_user_activated(session, envelope: Envelope) -> None:
    data = UserActivatedSchema().load(envelope.data)
    event = UserActivated(**{**data, "centres": tuple(data["centres"])})
    handlers.record_user_activated(ReportsUnitOfWork(session=session), event)


HANDLERS = {"identity.user_activated": on_user_activated}
