"""This service's own copy of the parts of the events it reads; a contract test holds them to the publishers'."""
from marshmallow import EXCLUDE, Schema, fields


class SubmittedCandidateSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    candidate_number = fields.String(required=True)
    surname = fields.String(required=True)
    forename = fields.String(required=True)


class MarksheetSubmittedSchema(Schema):
    """marks.marksheet_submitted: the unit, its evidence settings and deadline, and who was submitted."""
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
    evidence_upload = fields.Boolean(required=True)
    group_upload = fields.Boolean(required=True)
    deadline = fields.Date(required=True)


class SampleCandidateSchema(Schema):
    """Older events lack work_missing, substitute_for and note_to_moderator: a candidate then has work, and
    replaces nobody's."""
    class Meta:
        unknown = EXCLUDE

    candidate_number = fields.String(required=True)
    reason = fields.String(required=True)
    work_missing = fields.Boolean(load_default=False)
    substitute_for = fields.String(load_default=None, allow_none=True)
    note_to_moderator = fields.String(load_default=None, allow_none=True)


class SampleChangedSchema(Schema):
    """sampling.sample_generated, sample_extended and sample_reduced: the whole sample and its version."""
    class Meta:
        unknown = EXCLUDE

    unit_id = fields.Integer(required=True)
    centre = fields.String(required=True)
    version = fields.Integer(required=True)
    candidates = fields.List(fields.Nested(SampleCandidateSchema), required=True)


class ModeratorAllocatedSchema(Schema):
    """moderation.moderator_allocated: the moderator of a centre (all its units)."""
    class Meta:
        unknown = EXCLUDE

    allocation_id = fields.String(required=True)
    centre = fields.String(required=True)
    moderator_email = fields.String(required=True)
    moderator_name = fields.String(required=True)
    allocated_at = fields.AwareDateTime(required=True)
