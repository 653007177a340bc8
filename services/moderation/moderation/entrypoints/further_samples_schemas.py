"""The further-samples API's request and response bodies."""
from marshmallow import Schema, fields


class FurtherSamplesSchema(Schema):
    # Only types here: the domain checks the numbers, after the caller's right to ask.
    candidate_numbers = fields.List(fields.String(), load_default=list)


class PersonSchema(Schema):
    user_id = fields.String()
    name = fields.String()


class RequestSchema(Schema):
    request_id = fields.String()
    centre = fields.String()
    unit_id = fields.Integer()
    candidate_numbers = fields.List(fields.String())
    requested_by = fields.Nested(PersonSchema)
    requested_at = fields.DateTime()


class SubmittedUnitSchema(Schema):
    unit_id = fields.Integer()
    unit_code = fields.String()
    unit_title = fields.String()
    series = fields.String()
    kind = fields.String(metadata={"description": "marks or outcomes"})
    submitted_at = fields.DateTime()


class CandidateSchema(Schema):
    candidate_number = fields.String()
    surname = fields.String()
    forename = fields.String()
    name = fields.String(metadata={"description": "as the marksheet writes it: JONES: CARYS"})
    status = fields.String(metadata={"description": "marked, absent or carry_forward"})
    total = fields.Integer(allow_none=True)
    outcome = fields.String(allow_none=True)
    initials = fields.String(allow_none=True)
    in_sample = fields.Boolean()
    reason = fields.String(allow_none=True, metadata={"description": "why in the sample; null when not"})
    requestable = fields.Boolean(metadata={"description": "whether further samples may ask for this candidate"})


class UnitCandidatesSchema(Schema):
    unit = fields.Nested(SubmittedUnitSchema)
    candidates = fields.List(fields.Nested(CandidateSchema))
    requests = fields.List(fields.Nested(RequestSchema))
