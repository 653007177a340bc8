"""The invitation link, called by the gateway (service token) for a person who is not signed in yet."""
from flask import current_app
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..service_layer import invitations
from .api import now, origin, uow
from .centre_user_schemas import AcceptedInvitationSchema, AcceptInvitationSchema, InvitationSchema, \
    InvitationTokenSchema

invitations_blueprint = Blueprint("identity_invitations", __name__, url_prefix="/api/identity/v1/invitations",
                                  description="Accepting an invitation (gateway only)")
gateway_only = requires_token(kinds=("service",))
REFUSALS = "INVITATION_NOT_FOUND (404), INVITATION_EXPIRED (410) or INVITATION_USED (409)"


# The token travels in the body, not the path, so it stays out of access logs.
@invitations_blueprint.route("/lookup", methods=["POST"])
@gateway_only
@invitations_blueprint.arguments(InvitationTokenSchema)
@invitations_blueprint.response(200, InvitationSchema)
@invitations_blueprint.alt_response(404, description=REFUSALS)
def look_up(body):
    """Whom the invitation is for, and their language, while it can still be accepted."""
    return invitations.look_up_invitation(uow(), body["token"], now())


@invitations_blueprint.route("/accept", methods=["POST"])
@gateway_only
@invitations_blueprint.arguments(AcceptInvitationSchema)
@invitations_blueprint.response(200, AcceptedInvitationSchema)
@invitations_blueprint.alt_response(422, description="PASSWORD_REJECTED: details.reason is too_short, too_long, "
                                                     "common or personal")
def accept(body):
    """Set the password; the link then no longer works. Signing in next enrols MFA."""
    return invitations.accept_invitation(uow(), current_app.extensions["identity_passwords"], body["token"],
                                         body["password"], origin(), now())
