import json
import uuid
from datetime import datetime

import pytest
from marshmallow import Schema, ValidationError, fields, validate

from iamis_shared.bus.envelope import Envelope, new_envelope, parse_envelope


class MarkEnteredSchema(Schema):
    candidate = fields.String(required=True)
    mark = fields.Integer(required=True, validate=validate.Range(0, 60))
    entered_at = fields.AwareDateTime(required=True)


GOOD = {"candidate": "1501", "mark": "42", "entered_at": "2025-05-01T09:30:00+01:00"}


def test_new_envelope_carries_the_payload_as_its_schema_reads_it():
    envelope = new_envelope("marks.mark_entered", "marks", GOOD, MarkEnteredSchema(), correlation_id="req-1")

    assert envelope.type == "marks.mark_entered" and envelope.source == "marks"
    assert envelope.data == {"candidate": "1501", "mark": 42, "entered_at": "2025-05-01T09:30:00+01:00"}
    assert uuid.UUID(envelope.id)
    assert datetime.fromisoformat(envelope.occurred_at).tzinfo is not None
    assert envelope.correlation_id == "req-1" and envelope.schema_version == 1


@pytest.mark.parametrize("payload, field", [
    ({**GOOD, "mark": 61}, "mark"),
    ({**GOOD, "mark": "forty"}, "mark"),
    ({k: v for k, v in GOOD.items() if k != "candidate"}, "candidate"),
    ({**GOOD, "entered_at": "2025-05-01T09:30:00"}, "entered_at"),
])
def test_a_bad_payload_is_refused_before_it_can_enter_the_outbox(payload, field):
    with pytest.raises(ValidationError) as refused:
        new_envelope("marks.mark_entered", "marks", payload, MarkEnteredSchema())

    assert field in refused.value.messages


def test_an_envelope_survives_the_wire_unchanged():
    envelope = new_envelope("marks.mark_entered", "marks", GOOD, MarkEnteredSchema(), correlation_id="req-1")
    wire = envelope.to_json()

    assert parse_envelope(wire) == envelope
    assert parse_envelope(wire.encode()) == envelope
    assert parse_envelope(json.loads(wire)) == envelope


@pytest.mark.parametrize("change, field", [
    ({"id": "not-a-uuid"}, "id"),
    ({"occurred_at": "2025-05-01T09:30:00"}, "occurred_at"),
    ({"data": "a string"}, "data"),
    ({"type": None}, "type"),
])
def test_a_malformed_envelope_is_refused(change, field):
    raw = {**json.loads(Envelope(type="a.thing_done", source="a", data={}).to_json()), **change}

    with pytest.raises(ValidationError) as refused:
        parse_envelope(raw)

    assert field in refused.value.messages


def test_a_body_that_is_not_json_is_refused():
    with pytest.raises(ValueError):
        parse_envelope(b"\x00not json")
