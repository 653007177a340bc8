"""A whole file refused (IMPORT_REFUSED, ENTRIES_REFUSED) as JSON: every bad line with its code and params.

A field's error on a line gets the code this service's error table gives its class, so a page translates a
mark typed wrong in a file the same way as one typed into the marksheet.
"""
from flask import Flask
from marshmallow import Schema, fields

from iamis_shared.errors import error_response

from ..domain.errors import EntriesRefused, ImportRefused
from ..domain.line_errors import LineError
from .errors import ERRORS

FILE_REFUSALS = (ImportRefused, EntriesRefused)


class LineErrorSchema(Schema):
    line = fields.Integer(metadata={"description": "The line of the file (1 is the header); for JSON, the item"})
    candidate_number = fields.String(metadata={"description": "As in the file; empty for the whole file"})
    code = fields.String(metadata={"description": "Stable, for a page to translate: NOT_ENTERED, "
                                                  "MARK_ABOVE_MAXIMUM, COLUMNS_WRONG, ..."})
    params = fields.Dict(metadata={"description": 'What the message needs, like {"task": "Task 1", "max": 40}'})
    message = fields.String(metadata={"description": "In English"})


class LineErrorsSchema(Schema):
    errors = fields.List(fields.Nested(LineErrorSchema))


class FileRefusedSchema(Schema):
    code = fields.String()
    message = fields.String()
    details = fields.Nested(LineErrorsSchema)


def line_json(error: LineError) -> dict:
    code = error.code or ERRORS[error.refused][1]
    return {"line": error.line, "candidate_number": error.candidate_number, "code": code,
            "params": error.params, "message": error.message}


def register_file_refusals(app: Flask) -> None:
    """Answer a refused file with its lines as JSON (in place of the table's plain handler for these two)."""
    for refusal in FILE_REFUSALS:
        status, code = ERRORS[refusal]

        def handler(error, status=status, code=code):
            errors = [line_json(e) for e in error.details.get("errors", [])]
            return error_response(status, code, error.message, details={"errors": errors})

        app.register_error_handler(refusal, handler)
