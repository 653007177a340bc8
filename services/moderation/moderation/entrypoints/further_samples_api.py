"""HTTP API for further samples: the candidates of a submitted unit to choose from, and the request itself."""
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..domain.errors import UnitNotFound
from ..domain.model import CENTRE_NUMBER
from ..service_layer import further_samples
from .caller import actor, now, uow
from .further_samples_schemas import FurtherSamplesSchema, RequestSchema, UnitCandidatesSchema

further_samples_blueprint = Blueprint("further_samples", __name__, url_prefix="/api/moderation/v1",
                                      description="IAMIS moderation: requests for further samples")
UNIT = "/centres/<centre>/units/<int(max=2147483647):unit_id>"  # a larger id is no unit: UNIT_NOT_FOUND
REFUSED = "NOT_SUBMITTED, SAMPLE_NOT_CHOSEN, ALREADY_IN_SAMPLE"


@further_samples_blueprint.url_value_preprocessor
def known_centre_shape(_endpoint, values):
    """A centre number is five digits; anything else names no centre."""
    if values and "centre" in values and not CENTRE_NUMBER.match(values["centre"]):
        raise UnitNotFound()


def _request(request) -> dict:
    return {"request_id": request.id, "centre": request.centre, "unit_id": request.unit_id,
            "candidate_numbers": list(request.candidate_numbers),
            "requested_by": {"user_id": request.requested_by, "name": request.requested_by_name},
            "requested_at": request.requested_at}


@further_samples_blueprint.route(f"{UNIT}/candidates")
@further_samples_blueprint.response(200, UnitCandidatesSchema)
@further_samples_blueprint.alt_response(404, description="UNIT_NOT_FOUND: another centre's, for a moderator")
@further_samples_blueprint.alt_response(409, description="NOT_SUBMITTED, SAMPLE_NOT_CHOSEN")
@requires_token()
def unit_candidates(centre: str, unit_id: int):
    """The submitted unit and every candidate on it: whether they are in the sample and why, and whether further
    samples may ask for them (`requestable`); then the requests made so far, oldest first."""
    held = further_samples.unit_candidates(uow(), actor(), centre, unit_id)
    unit = held.unit
    return {"unit": {"unit_id": unit.unit_id, "unit_code": unit.unit_code, "unit_title": unit.unit_title,
                     "series": unit.series, "kind": unit.kind, "submitted_at": unit.submitted_at},
            "candidates": [dict(vars(c.candidate), name=c.candidate.name, in_sample=c.in_sample, reason=c.reason,
                                requestable=c.requestable) for c in held.candidates],
            "requests": [_request(r) for r in held.requests]}


@further_samples_blueprint.route(f"{UNIT}/further-samples", methods=["POST"])
@further_samples_blueprint.arguments(FurtherSamplesSchema)
@further_samples_blueprint.response(201, RequestSchema)
@further_samples_blueprint.alt_response(409, description=REFUSED)
@further_samples_blueprint.alt_response(422, description="NO_CANDIDATES, TOO_MANY, CANDIDATE_NUMBER_INVALID, "
                                                         "UNKNOWN_CANDIDATE, NO_WORK")
@requires_token()
def request_further_samples(body: dict, centre: str, unit_id: int):
    """The allocated moderator, or board staff, ask the centre for these candidates' work too (at most 50);
    publishes moderation.further_samples_requested. A refusal names the first candidate at fault, in `details`
    too, and changes nothing."""
    return _request(further_samples.request_further_samples(uow(), actor(), centre, unit_id,
                                                            body["candidate_numbers"], now()))
