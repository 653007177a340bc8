"""The publisher's copy of the payloads identity puts on the bus; consumers keep their own copies
(reports: reports/adapters/event_schemas.py) with the same field names."""
from marshmallow import Schema, fields
from marshmallow.validate import OneOf

from ..domain.access import LANGUAGES, PERMISSIONS


class UserActivatedSchema(Schema):
    user_id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.Email(required=True)
    account_type = fields.String(required=True)
    centres = fields.List(fields.String(), required=True)
    activated_at = fields.AwareDateTime(required=True)


class UserInvitedSchema(Schema):
    """No link or token: only the invitee's email carries those."""
    user_id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.Email(required=True)
    account_type = fields.String(required=True)
    centre = fields.String(required=True)
    language = fields.String(required=True, validate=OneOf(LANGUAGES))
    invited_by = fields.String(required=True)
    invited_at = fields.AwareDateTime(required=True)
    expires_at = fields.AwareDateTime(required=True)


class AccessChangedSchema(Schema):
    """The user's account type and effective permissions after the change."""
    user_id = fields.String(required=True)
    name = fields.String(required=True)
    centre = fields.String(required=True)
    account_type = fields.String(required=True)
    permissions = fields.List(fields.String(validate=OneOf(list(PERMISSIONS))), required=True)
    changed_by = fields.String(required=True)
    changed_at = fields.AwareDateTime(required=True)


class UserRemovedSchema(Schema):
    user_id = fields.String(required=True)
    name = fields.String(required=True)
    email = fields.Email(required=True)
    centre = fields.String(required=True)
    removed_by = fields.String(required=True)
    removed_at = fields.AwareDateTime(required=True)


SCHEMAS = {
    "identity.user_activated": UserActivatedSchema,
    "identity.user_invited": UserInvitedSchema,
    "identity.access_changed": AccessChangedSchema,
    "identity.user_removed": UserRemovedSchema,
}
