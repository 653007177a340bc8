"""Liveness for the launcher and orchestrators; identity has its own health check."""
from flask import Blueprint, jsonify

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz():
    return jsonify(status="ok")
