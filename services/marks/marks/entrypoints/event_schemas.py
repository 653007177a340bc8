"""The publisher's copy of the payloads marks puts on the bus; each consumer keeps its own copy
with the same field names (a contract test holds them together)."""
from marshmallow import Schema, fields
from marshmallow.validate import OneOf

STATUSES = ("unmarked", "marked", "absent", "carry_forward")


class EntriesLoadedSchema(Schema):
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    series = fields.String(required=True)
    centre = fields.String(required=True)
    candidate_numbers = fields.List(fields.String(), required=True)
    late = fields.Boolean(required=True)
    loaded_at = fields.AwareDateTime(required=True)


class TaskSchema(Schema):
    name = fields.String(required=True)
    max = fields.Integer(required=True)


class SubmitterSchema(Schema):
    user_id = fields.String(required=True)
    name = fields.String(required=True)


class SubmittedCandidateSchema(Schema):
    candidate_number = fields.String(required=True)
    surname = fields.String(required=True)
    forename = fields.String(required=True)
    task_marks = fields.Dict(keys=fields.String(), values=fields.Integer(allow_none=True), required=True)
    total = fields.Integer(required=True, allow_none=True)
    status = fields.String(required=True, validate=OneOf(STATUSES))
    outcome = fields.String(required=True, allow_none=True)
    initials = fields.String(required=True, allow_none=True)


class MarksheetSubmittedSchema(Schema):
    submission_id = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    unit_title = fields.String(required=True)
    series = fields.String(required=True)
    centre = fields.String(required=True)
    kind = fields.String(required=True, validate=OneOf(("marks", "outcomes")))
    tasks = fields.List(fields.Nested(TaskSchema), required=True)
    grades = fields.List(fields.String(), required=True)
    submitted_at = fields.AwareDateTime(required=True)
    submitted_by = fields.Nested(SubmitterSchema, required=True)
    candidates = fields.List(fields.Nested(SubmittedCandidateSchema), required=True)
    # The unit's evidence settings and its "Deadline for submission of samples and cover sheets to moderator".
    evidence_upload = fields.Boolean(required=True)
    group_upload = fields.Boolean(required=True)
    deadline = fields.Date(required=True)


SCHEMAS = {"marks.entries_loaded": EntriesLoadedSchema, "marks.marksheet_submitted": MarksheetSubmittedSchema}
