"""The publisher's copy of the payloads evidence puts on the bus; each consumer keeps its own copy
with the same field names (a contract test holds them together)."""
from marshmallow import Schema, fields


class PersonSchema(Schema):
    user_id = fields.String(required=True)
    name = fields.String(required=True)


class FileUploadedSchema(Schema):
    file_id = fields.String(required=True)
    centre = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    candidate_number = fields.String(required=True, allow_none=True)  # None: the unit's group upload
    filename = fields.String(required=True)
    size = fields.Integer(required=True)
    content_type = fields.String(required=True)
    checksum_sha256 = fields.String(required=True)  # the composite: base64(SHA-256 of the parts' digests)-N
    uploaded_by = fields.Nested(PersonSchema, required=True)
    uploaded_at = fields.AwareDateTime(required=True)


class FileDeletedSchema(Schema):
    file_id = fields.String(required=True)
    centre = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    candidate_number = fields.String(required=True, allow_none=True)
    filename = fields.String(required=True)
    deleted_by = fields.Nested(PersonSchema, required=True)
    deleted_at = fields.AwareDateTime(required=True)


SCHEMAS = {"evidence.file_uploaded": FileUploadedSchema, "evidence.file_deleted": FileDeletedSchema}
