"""HTTP API of the moderation service (besides /healthz, /metrics, whoami and the OpenAPI document)."""
from flask_smorest import Blueprint

blueprint = Blueprint("moderation", __name__, url_prefix="/api/moderation/v1",
                      description="IAMIS moderation: allocations, reviews, clerical errors, reports")
