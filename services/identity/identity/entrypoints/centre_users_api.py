"""A centre's users, for that centre's Exams Officers and Admins (user token; any other centre is 404)."""
from flask import current_app, g
from flask_smorest import Blueprint

from iamis_shared.tokens import requires_token

from ..domain.access import CENTRE_MANAGER_ACCOUNT_TYPES
from ..service_layer import centre_users, invitations
from .api import now, origin, uow
from .centre_user_schemas import AccessSchema, CentreAuditQuerySchema, CentreUserSchema, NewUserSchema, \
    UserFilterSchema
from .schemas import AuditEntrySchema

centre_users_blueprint = Blueprint("identity_centre_users", __name__, url_prefix="/api/identity/v1/centres",
                                   description="A centre's users: invite, manage access, remove; the audit log")
managers_only = requires_token(account_types=CENTRE_MANAGER_ACCOUNT_TYPES)
NOT_FOUND = "CENTRE_NOT_FOUND or USER_NOT_FOUND: not one of your centre's users (other centres look the same)"


def invitation_settings():
    return current_app.extensions["identity_invitations"], current_app.config["DISPLAY_TIMEZONE"]


@centre_users_blueprint.route("/<centre>/users", methods=["GET"])
@managers_only
@centre_users_blueprint.arguments(UserFilterSchema, location="query")
@centre_users_blueprint.response(200, CentreUserSchema(many=True))
@centre_users_blueprint.alt_response(404, description=NOT_FOUND)
def list_users(query, centre):
    """The centre's users by surname, with when each last signed in and whether they are active."""
    return centre_users.list_users(uow(), g.principal.sub, centre, query["q"], now())


@centre_users_blueprint.route("/<centre>/users", methods=["POST"])
@managers_only
@centre_users_blueprint.arguments(NewUserSchema)
@centre_users_blueprint.response(201, CentreUserSchema)
@centre_users_blueprint.alt_response(409, description="EMAIL_IN_USE")
def invite_user(body, centre):
    """Invite a user: they get an email with a link that works once and expires."""
    policy, zone = invitation_settings()
    return invitations.invite_user(uow(), policy, zone, g.principal.sub, centre, invitations.NewUser(**body),
                                   origin(), now())


@centre_users_blueprint.route("/<centre>/users/<user_id>", methods=["GET"])
@managers_only
@centre_users_blueprint.response(200, CentreUserSchema)
@centre_users_blueprint.alt_response(404, description=NOT_FOUND)
def get_user(centre, user_id):
    return centre_users.get_user(uow(), g.principal.sub, centre, user_id, now())


@centre_users_blueprint.route("/<centre>/users/<user_id>/access", methods=["PUT"])
@managers_only
@centre_users_blueprint.arguments(AccessSchema)
@centre_users_blueprint.response(200, CentreUserSchema)
@centre_users_blueprint.alt_response(409, description="OWN_ADMIN_RIGHTS or LAST_EXAMS_OFFICER")
def change_access(body, centre, user_id):
    """Set the account type and permissions; the user's next request already has them."""
    return centre_users.change_access(uow(), g.principal.sub, centre, user_id, body["account_type"],
                                      body["permissions"], origin(), now())


@centre_users_blueprint.route("/<centre>/users/<user_id>", methods=["DELETE"])
@managers_only
@centre_users_blueprint.response(204)
@centre_users_blueprint.alt_response(409, description="CANNOT_REMOVE_SELF or LAST_EXAMS_OFFICER")
def remove_user(centre, user_id):
    """Remove the user: their sessions end at once; their name stays on what they did."""
    centre_users.remove_user(uow(), g.principal.sub, centre, user_id, origin(), now())
    return ""


@centre_users_blueprint.route("/<centre>/users/<user_id>/invitation", methods=["POST"])
@managers_only
@centre_users_blueprint.response(200, CentreUserSchema)
@centre_users_blueprint.alt_response(409, description="ALREADY_ACTIVE")
def resend_invitation(centre, user_id):
    """Send the invite again with a new link; earlier links stop working."""
    policy, zone = invitation_settings()
    return invitations.resend_invitation(uow(), policy, zone, g.principal.sub, centre, user_id, origin(), now())


@centre_users_blueprint.route("/<centre>/audit", methods=["GET"])
@managers_only
@centre_users_blueprint.arguments(CentreAuditQuerySchema, location="query")
@centre_users_blueprint.response(200, AuditEntrySchema(many=True))
@centre_users_blueprint.alt_response(404, description=NOT_FOUND)
def centre_audit(query, centre):
    """Sign-ins, invitations, access changes and removals, newest first."""
    return centre_users.centre_audit(uow(), g.principal.sub, centre, query)
