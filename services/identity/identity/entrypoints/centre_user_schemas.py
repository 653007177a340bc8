"""Request and response bodies of the centre-users and invitation endpoints."""
from marshmallow import EXCLUDE, Schema, fields, pre_load
from marshmallow.validate import Length, OneOf, Range

from ..domain.access import CENTRE_ACCOUNT_TYPES, INVITABLE_ACCOUNT_TYPES, LANGUAGES, PERMISSIONS


class StrippedSchema(Schema):
    """Leading and trailing spaces mean nothing in a name or an address: " Joe " is "Joe"."""
    class Meta:
        unknown = EXCLUDE

    @pre_load
    def strip(self, data, **_):
        return {k: v.strip() if isinstance(v, str) else v for k, v in data.items()} if isinstance(data, dict) \
            else data


class UserFilterSchema(StrippedSchema):
    q = fields.String(load_default=None, validate=Length(max=200),
                      metadata={"description": "Part of a name or email address"})


class NewUserSchema(StrippedSchema):
    first_name = fields.String(required=True, validate=Length(min=1, max=100))
    last_name = fields.String(required=True, validate=Length(min=1, max=100))
    email = fields.Email(required=True, validate=Length(max=254))
    language = fields.String(required=True, validate=OneOf(LANGUAGES))
    account_type = fields.String(required=True, validate=OneOf(INVITABLE_ACCOUNT_TYPES))


class AccessSchema(StrippedSchema):
    account_type = fields.String(required=True, validate=OneOf(CENTRE_ACCOUNT_TYPES))
    permissions = fields.List(fields.String(validate=OneOf(list(PERMISSIONS))), required=True,
                              metadata={"description": "What a User account holds; Admins and Exams "
                                                       "Officers hold every permission whatever is kept here"})


class CentreUserSchema(Schema):
    id = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    name = fields.String()
    email = fields.String()
    account_type = fields.String()
    language = fields.String()
    centre = fields.String()
    status = fields.String(metadata={"description": "invited or active"})
    permissions = fields.List(fields.String(), metadata={"description": "what the user holds now"})
    granted_permissions = fields.List(fields.String(), metadata={"description": "what was granted"})
    last_signed_in_at = fields.AwareDateTime(allow_none=True)
    invitation_expired = fields.Boolean()
    invitation_expires_at = fields.AwareDateTime(allow_none=True)


class CentreAuditQuerySchema(StrippedSchema):
    user = fields.String(load_default=None, validate=Length(max=36),
                         metadata={"description": "Entries by or about this user id"})
    since = fields.AwareDateTime(load_default=None)
    until = fields.AwareDateTime(load_default=None)
    limit = fields.Integer(load_default=200, validate=Range(min=1, max=500))


class InvitationTokenSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    token = fields.String(required=True, validate=Length(min=1, max=200))


class AcceptInvitationSchema(InvitationTokenSchema):
    password = fields.String(required=True, validate=Length(min=1, max=4096))


class InvitationSchema(Schema):
    first_name = fields.String()
    last_name = fields.String()
    name = fields.String()
    email = fields.String()
    language = fields.String()
    centre = fields.String()
    centre_name = fields.String()


class AcceptedInvitationSchema(Schema):
    email = fields.String()
    language = fields.String()
    name = fields.String()
