"""The sampling API's request and response bodies."""
from marshmallow import Schema, fields, validate

from ..domain.policy import MOST_BANDS

NUMBER = validate.Regexp(r"^\d{1,4}$", error="Enter the candidate number: up to four digits.")


class MemberSchema(Schema):
    candidate_number = fields.String()
    reason = fields.String()
    added_by = fields.String(allow_none=True)
    added_at = fields.DateTime(allow_none=True)
    work_missing = fields.Boolean()
    substitute_for = fields.String(allow_none=True)
    note_to_moderator = fields.String(allow_none=True)


class SampleSchema(Schema):
    id = fields.String()
    unit_id = fields.Integer()
    unit_code = fields.String()
    centre = fields.String()
    generated_at = fields.DateTime()
    version = fields.Integer()
    members = fields.List(fields.Nested(MemberSchema), data_key="candidates")


class AddCandidateSchema(Schema):
    candidate_number = fields.String(required=True, validate=NUMBER)


class WorkSchema(Schema):
    candidate_number = fields.String()
    name = fields.String()
    total = fields.Integer(allow_none=True)
    outcome = fields.String(allow_none=True)


class OfferedSchema(WorkSchema):
    side = fields.String(metadata={"description": "the total or grade beside the candidate's: higher, same, lower"})


class NearestSchema(Schema):
    """The candidate whose work is missing, and at most two offered instead, highest first."""
    candidate = fields.Nested(WorkSchema, allow_none=True)
    offered = fields.List(fields.Nested(OfferedSchema))


class SubstituteSchema(Schema):
    substitute = fields.String(required=True, validate=NUMBER, error_messages={
        "required": "Choose the substitute: the nearest higher or lower candidate with complete work."})
    note_to_moderator = fields.String(load_default="")  # the domain explains an empty or long note


class BandSchema(Schema):
    up_to = fields.Integer(required=True, strict=True)
    size = fields.Integer(required=True, strict=True, allow_none=True)  # null: every candidate


class PolicySchema(Schema):
    bands = fields.List(fields.Nested(BandSchema), required=True,
                        validate=validate.Length(max=MOST_BANDS, error=f"Enter no more than {MOST_BANDS} bands."))
    over = fields.Integer(required=True, strict=True)


class UnitPolicySchema(PolicySchema):
    unit_id = fields.Integer()
    default = fields.Boolean()
    set_by = fields.String(allow_none=True)
    set_at = fields.DateTime(allow_none=True)
