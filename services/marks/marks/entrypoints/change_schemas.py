"""Bodies of the marks API for changing marks: a typed value, an import, a submission; and the audit log."""
from flask_smorest.fields import Upload
from marshmallow import Schema, fields
from marshmallow.validate import Length, Range

from .schemas import CountsSchema, RowSchema


class FieldChangeSchema(Schema):
    field = fields.String(required=True, validate=Length(min=1, max=100),
                          metadata={"description": '"task:<task name>", "initials" or "outcome"'})
    value = fields.String(required=True, validate=Length(max=100))
    previous = fields.String(load_default=None, allow_none=True, validate=Length(max=100),
                             metadata={"description": "The field's value as the page last showed it"})


class SavedSchema(Schema):
    row = fields.Nested(RowSchema)
    counts = fields.Nested(CountsSchema)


class ImportFileSchema(Schema):
    file = Upload(required=True, metadata={"description": "CSV: candidate_number, one column per task "
                                                           "(or outcome), initials if required"})


class ImportedSchema(Schema):
    imported = fields.Integer()
    counts = fields.Nested(CountsSchema)


class SubmittedSchema(Schema):
    submitted = fields.Integer()
    submitted_at = fields.String(metadata={"format": "date-time"})
    already_submitted = fields.Boolean()


class AuditQuerySchema(Schema):
    limit = fields.Integer(load_default=100, validate=Range(min=1, max=1000))


class AuditEntrySchema(Schema):
    id = fields.Integer()
    at = fields.String(metadata={"format": "date-time"})
    action = fields.String()
    user_id = fields.String()
    user_name = fields.String()
    user_email = fields.String()
    account_type = fields.String()
    centre = fields.String(allow_none=True)
    unit_id = fields.Integer(allow_none=True)
    candidate_number = fields.String(allow_none=True)
    detail = fields.Dict()
