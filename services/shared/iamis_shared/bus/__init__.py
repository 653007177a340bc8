"""The event bus: envelope, outbox, inbox, relay, consumer and the RabbitMQ topology."""
from .envelope import Envelope, EnvelopeSchema, new_envelope  # noqa: F401
