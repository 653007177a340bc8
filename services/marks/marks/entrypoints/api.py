"""HTTP API of the marks service (besides /healthz, /metrics, whoami and the OpenAPI document)."""
from flask_smorest import Blueprint

blueprint = Blueprint("marks", __name__, url_prefix="/api/marks/v1", description="IAMIS marks: series, units, entries, marks and outcomes, submissions")
