"""This service's own copy of the parts of the events it reads; a contract test holds them to the publishers'."""
from marshmallow import EXCLUDE, Schema, fields


class SubmittedCandidateSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    candidate_number = fields.String(required=True)
    surname = fields.String(required=True)
    forename = fields.String(required=True)
    status = fields.String(required=True)
    total = fields.Integer(required=True, allow_none=True)
    outcome = fields.String(required=True, allow_none=True)
    initials = fields.String(required=True, allow_none=True)


class MarksheetSubmittedSchema(Schema):
    """marks.marksheet_submitted: the unit and every candidate submitted, with the mark or outcome to show."""
    class Meta:
        unknown = EXCLUDE

    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    unit_title = fields.String(required=True)
    series = fields.String(required=True)
    centre = fields.String(required=True)
    kind = fields.String(required=True)
    submitted_at = fields.AwareDateTime(required=True)
    candidates = fields.List(fields.Nested(SubmittedCandidateSchema), required=True)


class SampleCandidateSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    candidate_number = fields.String(required=True)
    reason = fields.String(required=True)


class SampleChangedSchema(Schema):
    """sampling.sample_generated, sample_extended and sample_reduced: the whole sample and its version."""
    class Meta:
        unknown = EXCLUDE

    unit_id = fields.Integer(required=True)
    centre = fields.String(required=True)
    version = fields.Integer(required=True)
    candidates = fields.List(fields.Nested(SampleCandidateSchema), required=True)
