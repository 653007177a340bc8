"""The caller of a request as the domain's Actor, the browser's origin, the store, and the time."""
from datetime import datetime, timezone
from urllib.parse import urlsplit

from flask import current_app, g, request

from iamis_shared.web import session_factory

from ..adapters.object_store import ObjectStore
from ..domain.access import Actor
from ..domain.errors import StorageUnavailable, ValidationFailed
from ..service_layer.unit_of_work import EvidenceUnitOfWork
from ..service_layer.uploads import Origin


def actor() -> Actor:
    return Actor.from_principal(g.principal)


def uow() -> EvidenceUnitOfWork:
    return EvidenceUnitOfWork(session_factory())


def store() -> ObjectStore:
    configured = current_app.extensions.get("evidence_store")
    if configured is None:
        raise StorageUnavailable("File storage is not set up for this service (S3_ENDPOINT).")
    return configured


def origin() -> Origin:
    """The host the browser used: nginx passes it as X-Forwarded-Host (and the Host header unchanged). With
    PUBLIC_URL set, only its host: a URL is never signed for a host a request merely claims."""
    host = (request.headers.get("X-Forwarded-Host") or request.host or "").split(",")[0].strip()
    scheme = (request.headers.get("X-Forwarded-Proto") or request.scheme).split(",")[0].strip()
    public = current_app.config.get("PUBLIC_URL")
    if not public:
        return Origin(host, scheme == "https")
    address = urlsplit(public)
    if _without_default_port(host.lower(), address.scheme) != _without_default_port(address.netloc.lower(),
                                                                                    address.scheme):
        raise ValidationFailed(f"Open IAMIS at {public} to upload or download files.")
    return Origin(address.netloc, address.scheme == "https")


def _without_default_port(host: str, scheme: str) -> str:
    return host.removesuffix({"https": ":443", "http": ":80"}.get(scheme, ""))


def now() -> datetime:
    """The app's CLOCK when a test sets one (to be on either side of a deadline), else the time now."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock else datetime.now(timezone.utc)
