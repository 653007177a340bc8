"""HTTP API of the sampling service (besides /healthz, /metrics, whoami and the OpenAPI document)."""
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..service_layer import handlers
from .caller import actor, now, uow
from .schemas import AddCandidateSchema, NearestSchema, SampleSchema, SubstituteSchema

blueprint = Blueprint("sampling", __name__, url_prefix="/api/sampling/v1",
                      description="IAMIS sampling: moderation samples: system, centre-added, moderator-requested, substitutes")
SAMPLE = "/centres/<string:centre>/units/<int:unit_id>/sample"
MEMBER = SAMPLE + "/candidates/<string:number>"


@blueprint.route(SAMPLE)
@blueprint.response(200, SampleSchema)
@requires_token()
def read_sample(centre: str, unit_id: int):
    """The unit's sample at the centre, each candidate with the reason it is in."""
    return handlers.read_sample(uow(), actor(), centre, unit_id)


@blueprint.route(SAMPLE + "/candidates", methods=["POST"])
@blueprint.arguments(AddCandidateSchema)
@blueprint.response(201, SampleSchema)
@requires_token()
def add_candidate(body: dict, centre: str, unit_id: int):
    """The centre adds a candidate (reason centre-added); publishes sampling.sample_extended."""
    return handlers.add_candidate(uow(), actor(), centre, unit_id, body["candidate_number"].zfill(4), now())


@blueprint.route(MEMBER, methods=["DELETE"])
@blueprint.response(200, SampleSchema)
@requires_token()
def remove_candidate(centre: str, unit_id: int, number: str):
    """Takes out a candidate the centre added, or a substitute (the missing work is then no longer noted);
    the system's choices stay. Publishes sampling.sample_reduced."""
    return handlers.remove_candidate(uow(), actor(), centre, unit_id, number.zfill(4), now())


@blueprint.route(MEMBER + "/nearest")
@blueprint.response(200, NearestSchema)
@requires_token()
def nearest_candidates(centre: str, unit_id: int, number: str):
    """Whom the centre may send instead of this sampled candidate, whose work is missing or incomplete:
    the nearest higher and lower candidates with complete work not already in the sample."""
    found = handlers.nearest_candidates(uow(), actor(), centre, unit_id, number.zfill(4))
    return {"candidate": found.candidate,
            "offered": [dict(vars(offered), side=found.side(offered)) for offered in found.offered]}


@blueprint.route(MEMBER + "/substitute", methods=["POST"])
@blueprint.arguments(SubstituteSchema)
@blueprint.response(201, SampleSchema)
@requires_token()
def choose_substitute(body: dict, centre: str, unit_id: int, number: str):
    """The candidate's work is missing or incomplete: it stays listed with `work_missing`, and the chosen
    substitute (reason substitute) follows it with the note to the moderator. Publishes sampling.sample_extended."""
    return handlers.choose_substitute(uow(), actor(), centre, unit_id, number.zfill(4), body["substitute"].zfill(4),
                                      body["note_to_moderator"], now())


@blueprint.route(MEMBER + "/substitute", methods=["DELETE"])
@blueprint.response(200, SampleSchema)
@requires_token()
def undo_substitute(centre: str, unit_id: int, number: str):
    """The substitute for this candidate leaves the sample. Publishes sampling.sample_reduced."""
    return handlers.undo_substitute(uow(), actor(), centre, unit_id, number.zfill(4), now())
