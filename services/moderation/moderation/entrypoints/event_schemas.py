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


SCHEMAS = {"moderation.moderator_allocated": ModeratorAllocatedSchema}
