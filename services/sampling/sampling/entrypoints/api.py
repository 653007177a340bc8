"""HTTP API of the sampling service (besides /healthz, /metrics, whoami and the OpenAPI document)."""
from flask_smorest import Blueprint

blueprint = Blueprint("sampling", __name__, url_prefix="/api/sampling/v1", description="IAMIS sampling: moderation samples: system, centre-added, moderator-requested, substitutes")
