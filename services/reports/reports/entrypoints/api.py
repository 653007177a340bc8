"""HTTP API of the reports service."""
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from iamis_shared.tokens import requires_token
from iamis_shared.web import session_factory

from ..service_layer import handlers
from ..service_layer.unit_of_work import ReportsUnitOfWork

blueprint = Blueprint("reports", __name__, url_prefix="/api/reports/v1",
                      description="Read models and printable reports")


class DirectoryEntrySchema(Schema):
    user_id = fields.String()
    name = fields.String()
    email = fields.String()
    account_type = fields.String()
    centres = fields.List(fields.String())
    activated_at = fields.DateTime()


@blueprint.route("/directory")
@blueprint.response(200, DirectoryEntrySchema(many=True))
@requires_token(account_types=("board_staff",))
def directory():
    """The users known to reports (built from identity.user_activated); board staff only."""
    return handlers.list_directory(ReportsUnitOfWork(session_factory()))
