"""The publisher's copy of the payloads identity puts on the bus; consumers keep their own copies
(reports: reports/adapters/event_schemas.py) with the same field names."""
from marshmallow import Schema, fields


class UserActivatedSchema(Schema):
    user_id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.Email(required=True)
    account_type = fields.String(required=True)
    centres = fields.List(fields.String(), required=True)
    activated_at = fields.AwareDateTime(required=True)


SCHEMAS = {"identity.user_activated": UserActivatedSchema}
