"""The caller of a request, as the domain's Actor, and the time the request is handled at."""
from datetime import datetime, timezone

from flask import current_app, g

from iamis_shared.web import session_factory

from ..domain.access import Actor
from ..service_layer.unit_of_work import MarksUnitOfWork


def actor() -> Actor:
    return Actor.from_principal(g.principal)


def uow() -> MarksUnitOfWork:
    return MarksUnitOfWork(session_factory(), known_units=current_app.extensions["marks_known_units"])


def now() -> datetime:
    return datetime.now(timezone.utc)
