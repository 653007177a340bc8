"""The publisher's copy of the payloads sampling puts on the bus; each consumer keeps its own copy
with the same field names (a contract test holds them together).

Every event carries the whole sample as it now stands and its version, so a reader replaces what it
holds and ignores a version older than the one it has. A candidate whose work is missing or incomplete
stays listed with `work_missing` and the note to the moderator; its substitute names it in `substitute_for`
(these three fields are optional: older events lack them).
"""
from marshmallow import Schema, fields
from marshmallow.validate import OneOf

from ..domain.selection import REASONS


class SampleCandidateSchema(Schema):
    candidate_number = fields.String(required=True)
    reason = fields.String(required=True, validate=OneOf(REASONS))
    work_missing = fields.Boolean(load_default=False)
    substitute_for = fields.String(load_default=None, allow_none=True)
    note_to_moderator = fields.String(load_default=None, allow_none=True)


class SampleGeneratedSchema(Schema):
    sample_id = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    centre = fields.String(required=True)
    version = fields.Integer(required=True)
    candidates = fields.List(fields.Nested(SampleCandidateSchema), required=True)
    generated_at = fields.AwareDateTime(required=True)


class SampleChangedSchema(Schema):
    """sampling.sample_extended (a candidate added, or a substitute chosen: then `reason` is substitute; or a
    further sample the moderator asked for: moderator-requested, `changed_by` the moderator) and
    sampling.sample_reduced (an added candidate or a substitute taken out)."""
    sample_id = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    centre = fields.String(required=True)
    version = fields.Integer(required=True)
    candidates = fields.List(fields.Nested(SampleCandidateSchema), required=True)
    candidate_number = fields.String(required=True)
    reason = fields.String(required=True, validate=OneOf(REASONS))
    changed_by = fields.String(required=True)
    changed_at = fields.AwareDateTime(required=True)


SCHEMAS = {"sampling.sample_generated": SampleGeneratedSchema, "sampling.sample_extended": SampleChangedSchema,
           "sampling.sample_reduced": SampleChangedSchema}
