"""Domain errors map to HTTP in one table per service; every error is JSON with a stable code."""
from flask import Flask, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException


class DomainError(Exception):
    """Base of every service's domain errors; the message is for a person to act on."""

    def __init__(self, message: str = "", **details):
        super().__init__(message or self.__doc__ or self.__class__.__name__)
        self.details = details

    @property
    def message(self) -> str:
        return str(self)


def error_response(status: int, code: str, message: str, **extra):
    body = {"code": code, "message": message}
    body.update({k: v for k, v in extra.items() if v is not None})
    return jsonify(body), status


def register_error_table(app: Flask, table: dict[type, tuple[int, str]]) -> None:
    """Register `{DomainError subclass: (status, CODE)}` as JSON error handlers."""
    for error_class, (status, code) in table.items():
        def handler(error, status=status, code=code):
            return error_response(status, code, error.message, details=error.details or None)

        app.register_error_handler(error_class, handler)


def register_generic_errors(app: Flask) -> None:
    @app.errorhandler(ValidationError)
    def _invalid(error):
        return error_response(422, "INVALID_INPUT", "Some of the values sent are not valid.",
                              errors=error.messages)

    @app.errorhandler(HTTPException)
    def _http(error):
        code = (error.name or "ERROR").upper().replace(" ", "_")
        errors = getattr(error, "data", {}).get("messages") if hasattr(error, "data") else None
        message = error.description if isinstance(error.description, str) else error.name
        if errors:
            message = "Some of the values sent are not valid."
        return error_response(error.code or 500, code, message, errors=errors)

    @app.errorhandler(Exception)
    def _unexpected(error):
        app.logger.exception("Unhandled error")
        return error_response(500, "INTERNAL_ERROR",
                              "Something went wrong on our side. Please try again in a few minutes.")
