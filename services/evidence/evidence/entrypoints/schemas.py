"""What the evidence API takes and gives, as marshmallow schemas (they also write its OpenAPI document)."""
from marshmallow import Schema, fields, validate

JS_SAFE_INTEGER = 2 ** 53 - 1  # File.lastModified is a JavaScript number; before 1970 it is negative
CANDIDATE_NUMBER = validate.Regexp(r"^\d{1,4}$", error="Enter the candidate number: up to four digits.")


class NewUploadSchema(Schema):
    candidate_number = fields.String(load_default=None, allow_none=True, validate=CANDIDATE_NUMBER,
                                     metadata={"description": "null: the unit's Grouped/Admin Upload"})
    filename = fields.String(load_default="", validate=validate.Length(max=1024))
    size = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    content_type = fields.String(load_default=None, allow_none=True)
    last_modified = fields.Integer(load_default=None, allow_none=True,
                                   validate=validate.Range(-JS_SAFE_INTEGER, JS_SAFE_INTEGER),
                                   metadata={"description": "the browser's File.lastModified, in ms"})


class UploadStartedSchema(Schema):
    upload_id = fields.String()
    key = fields.String()
    part_size = fields.Integer()
    parts_count = fields.Integer()


class SignPartSchema(Schema):
    sha256 = fields.String(required=True, metadata={"description": "base64 of the part's SHA-256"})
    md5 = fields.String(required=True, metadata={"description": "base64 of the part's MD5 (16 bytes): send it "
                                                               "as Content-MD5 with the part's PUT"})


class PartUrlSchema(Schema):
    url = fields.String(metadata={"description": "/s3/<bucket>/<key>?X-Amz-...: PUT the part's bytes there"})
    part_number = fields.Integer()


class StoredPartSchema(Schema):
    part_number = fields.Integer()
    size = fields.Integer()
    etag = fields.String()
    sha256 = fields.String(allow_none=True)


class StoredPartsSchema(Schema):
    parts = fields.List(fields.Nested(StoredPartSchema))


class ClaimedPartSchema(Schema):
    part_number = fields.Integer(required=True, strict=True)
    etag = fields.String(required=True)


class CompleteSchema(Schema):
    parts = fields.List(fields.Nested(ClaimedPartSchema), required=True)
    checksum = fields.String(required=True, metadata={"description": "base64(SHA-256(d1 || ... || dN))-N"})


class FileSchema(Schema):
    file_id = fields.String()
    candidate_number = fields.String(allow_none=True)
    filename = fields.String()
    size = fields.Integer()
    content_type = fields.String()
    uploaded_at = fields.DateTime()
    uploaded_by = fields.String(metadata={"description": "the uploader's name"})
    download_url = fields.String()


class FileCreatedSchema(Schema):
    file = fields.Nested(FileSchema)


class UnitSchema(Schema):
    unit_id = fields.Integer()
    unit_code = fields.String()
    unit_title = fields.String()
    series = fields.String()
    deadline = fields.Date()
    evidence_upload = fields.Boolean()
    group_upload = fields.Boolean()
    submitted = fields.Boolean()


class SampleMemberSchema(Schema):
    candidate_number = fields.String()
    reason = fields.String()
    work_missing = fields.Boolean(metadata={"description": "the centre marked the work missing or incomplete: "
                                                           "it takes no uploads"})
    substitute_for = fields.String(allow_none=True, metadata={
        "description": "the candidate whose missing work this one's replaces"})
    note_to_moderator = fields.String(allow_none=True, metadata={
        "description": "the centre's note to the moderator on why the work is missing or incomplete"})


class NoteSchema(Schema):
    text = fields.String()
    updated_at = fields.DateTime()
    updated_by = fields.String(metadata={"description": "the writer's name"})


class UnfinishedUploadSchema(Schema):
    upload_id = fields.String()
    key = fields.String()
    candidate_number = fields.String(allow_none=True)
    filename = fields.String()
    size = fields.Integer()
    last_modified = fields.Integer(allow_none=True)
    part_size = fields.Integer()
    created_at = fields.DateTime()


class UnitEvidenceSchema(Schema):
    unit = fields.Nested(UnitSchema)
    sample = fields.List(fields.Nested(SampleMemberSchema))
    note = fields.Nested(NoteSchema, allow_none=True)
    files = fields.List(fields.Nested(FileSchema))
    uploads = fields.List(fields.Nested(UnfinishedUploadSchema))
    can_upload = fields.Boolean()
    can_delete = fields.Boolean()


class NoteTextSchema(Schema):
    text = fields.String(required=True, metadata={"description": "up to 5,000 characters; empty clears the note"})


class AllocatedUnitSchema(UnitSchema):
    files = fields.Integer()

    class Meta:
        exclude = ("evidence_upload", "group_upload", "submitted")


class AllocatedCentreSchema(Schema):
    centre = fields.String()
    units = fields.List(fields.Nested(AllocatedUnitSchema))


class AllocatedSchema(Schema):
    centres = fields.List(fields.Nested(AllocatedCentreSchema))
