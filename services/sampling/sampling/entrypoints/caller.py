"""Who is calling, with which database session, and when: shared by the API's views."""
from datetime import datetime, timezone

from flask import g

from iamis_shared.web import session_factory

from ..domain.access import Actor
from ..service_layer.unit_of_work import SamplingUnitOfWork


def actor() -> Actor:
    return Actor.from_principal(g.principal)


def uow() -> SamplingUnitOfWork:
    return SamplingUnitOfWork(session_factory())


def now() -> datetime:
    return datetime.now(timezone.utc)
