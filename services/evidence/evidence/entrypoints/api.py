"""HTTP API of the evidence service (besides /healthz, /metrics, whoami and the OpenAPI document)."""
from flask_smorest import Blueprint

blueprint = Blueprint("evidence", __name__, url_prefix="/api/evidence/v1", description="IAMIS evidence: evidence files (bytes in S3-compatible storage), upload sessions, notes to the moderator")
