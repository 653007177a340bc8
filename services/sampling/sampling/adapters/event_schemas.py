"""This service's own copy of the schemas it reads; a contract test holds them to the publisher's."""
from marshmallow import EXCLUDE, Schema, fields
from marshmallow.validate import OneOf

STATUSES = ("unmarked", "marked", "absent", "carry_forward")


class SubmittedCandidateSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    candidate_number = fields.String(required=True)
    total = fields.Integer(required=True, allow_none=True)
    status = fields.String(required=True, validate=OneOf(STATUSES))
    outcome = fields.String(required=True, allow_none=True)
    initials = fields.String(required=True, allow_none=True)
    # Names let the centre recognise the candidates offered as substitutes; older events lack them.
    surname = fields.String(load_default=None, allow_none=True)
    forename = fields.String(load_default=None, allow_none=True)


class MarksheetSubmittedSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    submission_id = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    centre = fields.String(required=True)
    kind = fields.String(required=True, validate=OneOf(("marks", "outcomes")))
    grades = fields.List(fields.String(), required=True)
    submitted_at = fields.AwareDateTime(required=True)
    candidates = fields.List(fields.Nested(SubmittedCandidateSchema), required=True)


class PersonSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    user_id = fields.String(required=True)
    name = fields.String(required=True)


class FurtherSamplesRequestedSchema(Schema):
    """moderation.further_samples_requested: the candidates the moderator asks the centre for too."""
    class Meta:
        unknown = EXCLUDE

    request_id = fields.String(required=True)
    centre = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    candidate_numbers = fields.List(fields.String(), required=True)
    requested_by = fields.Nested(PersonSchema, required=True)
    requested_at = fields.AwareDateTime(required=True)
