"""HTTP API of the sampling service (besides /healthz, /metrics, whoami and the OpenAPI document)."""
from datetime import datetime, timezone

from flask import g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from iamis_shared.tokens import requires_token
from iamis_shared.web import session_factory

from ..domain.access import Actor
from ..service_layer import handlers
from ..service_layer.unit_of_work import SamplingUnitOfWork

blueprint = Blueprint("sampling", __name__, url_prefix="/api/sampling/v1",
                      description="IAMIS sampling: moderation samples: system, centre-added, moderator-requested, substitutes")
SAMPLE = "/centres/<string:centre>/units/<int:unit_id>/sample"


class MemberSchema(Schema):
    candidate_number = fields.String()
    reason = fields.String()
    added_by = fields.String(allow_none=True)
    added_at = fields.DateTime(allow_none=True)


class SampleSchema(Schema):
    id = fields.String()
    unit_id = fields.Integer()
    unit_code = fields.String()
    centre = fields.String()
    generated_at = fields.DateTime()
    version = fields.Integer()
    members = fields.List(fields.Nested(MemberSchema), data_key="candidates")


class AddCandidateSchema(Schema):
    candidate_number = fields.String(required=True, validate=validate.Regexp(
        r"^\d{1,4}$", error="Enter the candidate number: up to four digits."))


def _actor() -> Actor:
    p = g.principal
    return Actor(user_id=p.sub, account_type=p.account_type, centres=tuple(p.centres),
                 permissions=tuple(p.permissions))


def _uow() -> SamplingUnitOfWork:
    return SamplingUnitOfWork(session_factory())


def _now() -> datetime:
    return datetime.now(timezone.utc)


@blueprint.route(SAMPLE)
@blueprint.response(200, SampleSchema)
@requires_token()
def read_sample(centre: str, unit_id: int):
    """The unit's sample at the centre, each candidate with the reason it is in."""
    return handlers.read_sample(_uow(), _actor(), centre, unit_id)


@blueprint.route(SAMPLE + "/candidates", methods=["POST"])
@blueprint.arguments(AddCandidateSchema)
@blueprint.response(201, SampleSchema)
@requires_token()
def add_candidate(body: dict, centre: str, unit_id: int):
    """The centre adds a candidate (reason centre-added); publishes sampling.sample_extended."""
    return handlers.add_candidate(_uow(), _actor(), centre, unit_id, body["candidate_number"].zfill(4), _now())


@blueprint.route(SAMPLE + "/candidates/<string:number>", methods=["DELETE"])
@blueprint.response(200, SampleSchema)
@requires_token()
def remove_candidate(centre: str, unit_id: int, number: str):
    """Takes out a candidate the centre added; the system's choices stay. Publishes sampling.sample_reduced."""
    return handlers.remove_candidate(_uow(), _actor(), centre, unit_id, number.zfill(4), _now())
