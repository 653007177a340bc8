"""This service's own copy of the sampling events it reads; a contract test holds them to the publisher's."""
from marshmallow import EXCLUDE, Schema, fields


class SampleCandidateSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    candidate_number = fields.String(required=True)
    reason = fields.String(required=True)


class SampleChangedSchema(Schema):
    """The part of sampling.sample_generated, sample_extended and sample_reduced that marks reads."""
    class Meta:
        unknown = EXCLUDE

    sample_id = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    centre = fields.String(required=True)
    version = fields.Integer(required=True)
    candidates = fields.List(fields.Nested(SampleCandidateSchema), required=True)
