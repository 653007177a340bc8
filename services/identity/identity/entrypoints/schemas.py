"""Request and response bodies of the identity API (the OpenAPI document is generated from them)."""
from marshmallow import EXCLUDE, Schema, fields
from marshmallow.validate import Length, OneOf, Range


class PasswordSignInSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    email = fields.String(required=True, validate=Length(min=1, max=320))
    password = fields.String(required=True, validate=Length(min=1, max=1024))


class CodeSignInSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    challenge = fields.String(required=True, validate=Length(min=1, max=200))
    code = fields.String(required=True, validate=Length(min=1, max=20))


class SignInStepSchema(Schema):
    outcome = fields.String(validate=OneOf(["code_required", "enrolment_required"]))
    challenge = fields.String()
    secret = fields.String(metadata={"description": "Base32 secret, only when enrolling in MFA"})
    provisioning_uri = fields.String(metadata={"description": "otpauth:// URI, only when enrolling"})


class ClaimsSchema(Schema):
    sub = fields.String()
    name = fields.String()
    email = fields.String()
    account_type = fields.String()
    centres = fields.List(fields.String())
    permissions = fields.List(fields.String())
    language = fields.String()


class SessionStartedSchema(Schema):
    session_id = fields.String()
    user = fields.Nested(ClaimsSchema)
    idle_timeout_seconds = fields.Integer()


class SessionSchema(Schema):
    user = fields.Nested(ClaimsSchema)
    expires_at = fields.AwareDateTime()


class AuditQuerySchema(Schema):
    limit = fields.Integer(load_default=100, validate=Range(min=1, max=500))


class AuditEntrySchema(Schema):
    id = fields.Integer()
    occurred_at = fields.AwareDateTime()
    actor_user_id = fields.String(allow_none=True)
    actor_email = fields.String(allow_none=True)
    centre = fields.String(allow_none=True)
    action = fields.String()
    outcome = fields.String()
    detail = fields.Dict()
    actor_name = fields.String(allow_none=True)
    subject_user_id = fields.String(allow_none=True)
    subject_name = fields.String(allow_none=True)
    ip = fields.String(allow_none=True)
    user_agent = fields.String(allow_none=True)
