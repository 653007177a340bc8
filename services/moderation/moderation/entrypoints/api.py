"""HTTP API of the moderation service (besides /healthz, /metrics, whoami and the OpenAPI document)."""
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from iamis_shared.tokens import requires_token

from ..domain.model import CENTRE_NUMBER
from ..service_layer import handlers
from .caller import actor, now, uow

blueprint = Blueprint("moderation", __name__, url_prefix="/api/moderation/v1",
                      description="IAMIS moderation: allocations, reviews, clerical errors, reports")


class AllocationSchema(Schema):
    id = fields.String()
    centre = fields.String()
    moderator_email = fields.String()
    moderator_name = fields.String()
    allocated_at = fields.DateTime()
    allocated_by = fields.String()


class AllocationListSchema(Schema):
    allocations = fields.List(fields.Nested(AllocationSchema))


class AllocateSchema(Schema):
    # Only types here: the domain checks the values, after the caller's right to allocate.
    centre = fields.String(required=True)
    moderator_email = fields.String(required=True)
    moderator_name = fields.String(required=True)


class AllocationQuerySchema(Schema):
    centre = fields.String(validate=validate.Regexp(CENTRE_NUMBER, error="Enter a centre number of 5 digits, "
                                                                         "like 68101."))


@blueprint.route("/allocations", methods=["POST"])
@blueprint.arguments(AllocateSchema)
@blueprint.response(201, AllocationSchema)
@requires_token()
def allocate(body: dict):
    """Board staff allocate a moderator to a centre; publishes moderation.moderator_allocated."""
    return handlers.allocate_moderator(uow(), actor(), body["centre"], body["moderator_email"],
                                       body["moderator_name"], now())


@blueprint.route("/allocations")
@blueprint.arguments(AllocationQuerySchema, location="query")
@blueprint.response(200, AllocationListSchema)
@requires_token()
def list_allocations(query: dict):
    """Every allocation (board staff, optionally of one centre), or the caller's own (a moderator)."""
    return {"allocations": handlers.list_allocations(uow(), actor(), query.get("centre"))}
