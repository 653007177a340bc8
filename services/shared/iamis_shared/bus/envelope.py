"""One envelope for every message; `data` is validated by the event's own marshmallow schema."""
import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

from marshmallow import Schema, fields


@dataclass(frozen=True)
class Envelope:
    type: str
    source: str
    data: dict
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    occurred_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat())
    schema_version: int = 1
    correlation_id: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"), sort_keys=True)


class EnvelopeSchema(Schema):
    id = fields.UUID(required=True)
    type = fields.String(required=True)
    source = fields.String(required=True)
    occurred_at = fields.AwareDateTime(required=True)
    schema_version = fields.Integer(required=True)
    correlation_id = fields.String(allow_none=True, load_default=None)
    data = fields.Dict(required=True)


def new_envelope(type_: str, source: str, data: dict, schema: Schema,
                 correlation_id: str | None = None, schema_version: int = 1) -> Envelope:
    """Validate the payload against its schema before it may enter the outbox."""
    payload = schema.dump(schema.load(data))
    return Envelope(type=type_, source=source, data=payload,
                    correlation_id=correlation_id, schema_version=schema_version)


def parse_envelope(body: str | bytes | dict) -> Envelope:
    raw = json.loads(body) if isinstance(body, (str, bytes)) else body
    loaded = EnvelopeSchema().load(raw)
    return Envelope(type=loaded["type"], source=loaded["source"], data=loaded["data"],
                    id=str(loaded["id"]), occurred_at=loaded["occurred_at"].isoformat(),
                    schema_version=loaded["schema_version"],
                    correlation_id=loaded["correlation_id"])
