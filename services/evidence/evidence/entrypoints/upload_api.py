"""HTTP API of one upload in progress: sign a part, list the stored parts (to resume), complete, cancel."""
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..service_layer import completion, uploads
from .caller import actor, now, origin, store, uow
from .errors import answer_malformed_bodies
from .schemas import CompleteSchema, FileCreatedSchema, PartUrlSchema, SignPartSchema, StoredPartsSchema
from .views import file_view

blueprint = Blueprint("evidence_uploads", __name__, url_prefix="/api/evidence/v1",
                      description="IAMIS evidence: an upload in progress, part by part")
answer_malformed_bodies(blueprint)
UPLOAD = "/uploads/<uuid:upload_id>"  # anything else: UPLOAD_NOT_FOUND (errors.py)


@blueprint.route(f"{UPLOAD}/parts/<int:part_number>", methods=["POST"])
@requires_token()
@blueprint.arguments(SignPartSchema)
@blueprint.response(200, PartUrlSchema)
@blueprint.alt_response(422, description="BAD_PART_NUMBER, CHECKSUM_MISMATCH (the part differs from the one "
                                         "signed before), VALIDATION_FAILED")
def sign_part(body, upload_id, part_number):
    """A URL to PUT one part to, once its SHA-256 and MD5 are recorded; send the MD5 as Content-MD5 with the
    PUT: the store refuses other bytes, and completion compares the MD5 with the store's ETag."""
    url = uploads.sign_part(uow(), store(), actor(), str(upload_id), part_number, body["sha256"], body["md5"], origin(),
                            now())
    return {"url": url, "part_number": part_number}


@blueprint.route(f"{UPLOAD}/parts")
@requires_token()
@blueprint.response(200, StoredPartsSchema)
def stored_parts(upload_id):
    """The parts stored so far, each with the digest it was signed with: the browser resumes from these."""
    return {"parts": uploads.stored_parts(uow(), store(), actor(), str(upload_id))}


@blueprint.route(f"{UPLOAD}/complete", methods=["POST"])
@requires_token()
@blueprint.arguments(CompleteSchema)
@blueprint.response(201, FileCreatedSchema)
@blueprint.alt_response(422, description="CHECKSUM_MISMATCH, SIZE_MISMATCH (the file is removed), PARTS_MISSING")
def complete(body, upload_id):
    """Checks the parts and the whole file's checksum, joins them and records the file; publishes
    evidence.file_uploaded."""
    claimed = {p["part_number"]: p["etag"] for p in body["parts"]}
    return {"file": file_view(completion.complete_upload(uow(), store(), actor(), str(upload_id), claimed,
                                                         body["checksum"], now()))}


@blueprint.route(UPLOAD, methods=["DELETE"])
@requires_token()
@blueprint.response(204)
def abort(upload_id):
    """Cancels an unfinished upload and removes its stored parts."""
    uploads.abort_upload(uow(), store(), actor(), str(upload_id))
