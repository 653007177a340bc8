"""The publisher's copy of the payloads moderation puts on the bus; each consumer keeps its own copy
with the same field names (a contract test holds them together)."""
from marshmallow import Schema, fields


class ModeratorAllocatedSchema(Schema):
    """moderation.moderator_allocated: the moderator of a centre (all its units); the email is lower case,
    as the moderator's token carries it."""
    allocation_id = fields.String(required=True)
    centre = fields.String(required=True)
    moderator_email = fields.String(required=True)
    moderator_name = fields.String(required=True)
    allocated_at = fields.AwareDateTime(required=True)


class PersonSchema(Schema):
    user_id = fields.String(required=True)
    name = fields.String(required=True)


class FurtherSamplesRequestedSchema(Schema):
    """moderation.further_samples_requested: the moderator (or board staff) asks the centre for these candidates'
    work too; each was submitted with work to see and was not in the sample, or was added by the centre."""
    request_id = fields.String(required=True)
    centre = fields.String(required=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.String(required=True)
    candidate_numbers = fields.List(fields.String(), required=True)
    requested_by = fields.Nested(PersonSchema, required=True)
    requested_at = fields.AwareDateTime(required=True)


SCHEMAS = {"moderation.moderator_allocated": ModeratorAllocatedSchema,
           "moderation.further_samples_requested": FurtherSamplesRequestedSchema}
