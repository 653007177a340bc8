"""The access audit log of a centre, for its exams officers and admins."""
from flask import g
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token
from iamis_shared.web import session_factory

from ..domain.errors import CentreMissing
from ..service_layer.audit import list_centre_audit
from ..service_layer.unit_of_work import IdentityUnitOfWork
from .schemas import AuditEntrySchema, AuditQuerySchema

audit_blueprint = Blueprint("identity_audit", __name__, url_prefix="/api/identity/v1",
                            description="The access audit log")


@audit_blueprint.route("/audit", methods=["GET"])
@requires_token(account_types=("exams_officer", "admin"))
@audit_blueprint.arguments(AuditQuerySchema, location="query")
@audit_blueprint.response(200, AuditEntrySchema(many=True))
def centre_audit(query):
    """Sign-in events of the caller's centre, newest first."""
    if not g.principal.centres:
        raise CentreMissing()
    return list_centre_audit(IdentityUnitOfWork(session_factory()), g.principal.centres[0], query["limit"])
