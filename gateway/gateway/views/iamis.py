"""The Internal Assessment Mark/Outcomes Input pages, for users holding the IAMIS permission."""
from flask import Blueprint, render_template

from ..auth import permission_required

blueprint = Blueprint("iamis", __name__, url_prefix="/iamis")
NO_ACCESS_PAGE = "errors/no_iamis_access.html"


@blueprint.get("")
@permission_required("iamis", NO_ACCESS_PAGE)
def start():
    return render_template("portal/iamis.html", units=[])


@blueprint.get("/reports")
@permission_required("iamis", NO_ACCESS_PAGE)
def reports():
    return render_template("portal/reports.html")
