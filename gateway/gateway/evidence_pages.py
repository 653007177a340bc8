"""The evidence parts of the marksheet: the evidence service's client, the views, filters and the
texts the upload script reads."""
from flask import Flask

from iamis_shared.tokens import TokenIssuer

from .evidence_client import EvidenceClient
from .evidence_messages import client_messages
from .evidence_view import local_time
from .views import evidence


def install_evidence_pages(app: Flask, issuer: TokenIssuer) -> None:
    app.extensions["iamis_evidence"] = EvidenceClient(
        app.config["EVIDENCE_URL"], issuer, http=app.config.get("EVIDENCE_HTTP"),
        timeout=app.config["EVIDENCE_TIMEOUT_SECONDS"])
    app.register_blueprint(evidence.blueprint)
    app.add_template_filter(local_time, "local_time")
    app.jinja_env.globals["evidence_messages"] = client_messages
