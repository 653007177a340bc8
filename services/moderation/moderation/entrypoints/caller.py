"""The caller of a request as the domain's Actor, a unit of work on the app's database, and the time."""
from datetime import datetime, timezone

from flask import g

from iamis_shared.web import session_factory

from ..domain.access import Actor
from ..service_layer.unit_of_work import ModerationUnitOfWork


def actor() -> Actor:
    return Actor.from_principal(g.principal)


def uow() -> ModerationUnitOfWork:
    return ModerationUnitOfWork(session_factory())


def now() -> datetime:
    return datetime.now(timezone.utc)
