"""Each consumer keeps its own copy of the schemas it reads; these tests hold the copies to the publisher's."""
import importlib
import uuid
from datetime import datetime, timezone

import pytest
from marshmallow import fields

from identity.domain.model import User
from identity.service_layer.outgoing import envelope_for, user_activated

# (routing key, publisher schema, consumer schema), as "module:Class".
CONTRACTS = [
    ("identity.user_activated", "identity.entrypoints.event_schemas:UserActivatedSchema",
     "reports.adapters.event_schemas:UserActivatedSchema"),
]


def load(path: str):
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)()


def shape(schema) -> dict:
    return {name: (type(field).__name__, field.required,
                   type(field.inner).__name__ if isinstance(field, fields.List) else None)
            for name, field in schema.fields.items()}


@pytest.mark.parametrize("routing_key,publisher,consumer", CONTRACTS)
def test_the_consumer_reads_every_field_the_publisher_sends_with_the_same_type(routing_key, publisher, consumer):
    published, read = shape(load(publisher)), shape(load(consumer))
    missing = {name for name, (_, required, _) in read.items() if required and name not in published}
    assert not missing, f"{routing_key}: the consumer requires fields the publisher never sends: {missing}"
    for name in read.keys() & published.keys():
        assert read[name][0] == published[name][0] and read[name][2] == published[name][2], name


def test_a_user_activated_envelope_from_identity_loads_in_the_reports_copy():
    user = User(id=str(uuid.uuid4()), first_name="Tomos", last_name="Jones", email="t@demo-centre.example",
                account_type="user", centre_number=68101, permissions=["iamis"])
    envelope = envelope_for(user_activated(user, datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)))
    data = load(CONTRACTS[0][2]).load(envelope.data)
    assert envelope.type == "identity.user_activated" and envelope.source == "identity"
    assert data["name"] == "Tomos Jones" and data["centres"] == ["68101"]
    assert data["activated_at"] == datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
