"""This service's own copy of the schemas it reads; a contract test holds them to the publisher's."""
from marshmallow import EXCLUDE, Schema, fields


class UserActivatedSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    user_id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.Email(required=True)
    account_type = fields.String(required=True)
    centres = fields.List(fields.String(), required=True)
    activated_at = fields.AwareDateTime(required=True)
