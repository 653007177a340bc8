"""Error pages: a person always reads what happened and what to do, never a stack trace."""
from flask import Flask, current_app, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..identity_client import IdentityRefused, IdentityUnavailable


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _form_expired(_error):
        return render_template("errors/form_expired.html"), 400

    @app.errorhandler(IdentityUnavailable)
    @app.errorhandler(IdentityRefused)
    def _identity_down(error):
        # Refusals the page did not expect (a rejected service token, say) are our fault, not the user's.
        current_app.logger.error("identity call failed: %s", error)
        return render_template("errors/unavailable.html"), 503

    @app.errorhandler(404)
    def _not_found(_error):
        return render_template("errors/not_found.html"), 404

    @app.errorhandler(HTTPException)
    def _other_http(error):
        if error.code and error.code >= 500:
            return render_template("errors/problem.html"), error.code
        return render_template("errors/bad_request.html"), error.code or 400

    @app.errorhandler(Exception)
    def _unexpected(_error):
        current_app.logger.exception("Unhandled error")
        return render_template("errors/problem.html"), 500
