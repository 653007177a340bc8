"""HTTP API for a unit's sampling policy: board staff set the sample size for each number of candidates."""
from flask_smorest import Blueprint, abort

from iamis_shared.tokens import requires_token

from ..service_layer import policies
from .caller import actor, now, uow
from .schemas import PolicySchema, UnitPolicySchema

policy_blueprint = Blueprint("sampling_policy", __name__, url_prefix="/api/sampling/v1",
                             description="IAMIS sampling: the policy deciding each unit's sample size")
POLICY = "/units/<int:unit_id>/policy"
LARGEST_UNIT_ID = 2 ** 31 - 1  # PostgreSQL's integer: a larger id is no unit, rather than a failed insert


def _shown(held: policies.UnitPolicy) -> dict:
    return {"unit_id": held.unit_id, "default": held.default, "set_by": held.set_by, "set_at": held.set_at,
            "bands": [{"up_to": up_to, "size": size} for up_to, size in held.policy.bands],
            "over": held.policy.largest}


@policy_blueprint.route(POLICY)
@policy_blueprint.response(200, UnitPolicySchema)
@requires_token()
def read_policy(unit_id: int):
    """The unit's policy, or the default (`default: true`): a band's size null means every candidate."""
    return _shown(policies.read_policy(uow(), actor(), unit_id))


@policy_blueprint.route(POLICY, methods=["PUT"])
@policy_blueprint.arguments(PolicySchema)
@policy_blueprint.response(200, UnitPolicySchema)
@policy_blueprint.alt_response(422, description="POLICY_INVALID: the message says which band to correct")
@requires_token()
def set_policy(body: dict, unit_id: int):
    """Board staff set the unit's bands (fewest candidates first) and the size over the last band;
    samples chosen from then on follow it."""
    if unit_id > LARGEST_UNIT_ID:
        abort(404, message="There is no such unit.")
    bands = [(band["up_to"], band["size"]) for band in body["bands"]]
    return _shown(policies.set_policy(uow(), actor(), unit_id, bands, body["over"], now()))


@policy_blueprint.route(POLICY, methods=["DELETE"])
@policy_blueprint.response(200, UnitPolicySchema)
@requires_token()
def reset_policy(unit_id: int):
    """The unit follows the default policy again."""
    return _shown(policies.reset_policy(uow(), actor(), unit_id))
