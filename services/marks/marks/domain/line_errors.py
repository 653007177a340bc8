"""One bad line of an uploaded file: where, whose, and why as a stable code with the values its message needs.

Pages translate a line error by its code and params; `message` stays English for API clients. A field's
error (a mark, outcome or initials typed wrong) keeps the DomainError class it was refused with: its code
is the one the service's error table already gives that class, so the entrypoints fill it in.
"""
from dataclasses import dataclass, field

from iamis_shared.errors import DomainError

from .csv_files import CsvUnreadable

FIELD_PARAMS = ("max", "grades", "carry_forward")  # what a field error's message needs, beside the task


@dataclass(frozen=True)
class LineError:
    line: int
    candidate_number: str
    message: str
    code: str = ""  # empty only for a field's error, whose code comes from its class
    params: dict = field(default_factory=dict)
    refused: type[DomainError] | None = None


def line_error(line: int, number: str, code: str, message: str, **params) -> LineError:
    return LineError(line, number, message, code, params)


def field_line_error(line: int, number: str, refused: DomainError) -> LineError:
    """A field reader's refusal as a line error: the task it was about, and the values of its message."""
    params = {k: v for k, v in refused.details.items() if k in FIELD_PARAMS}
    name = str(refused.details.get("field", ""))
    if name.startswith("task:"):
        params["task"] = name.removeprefix("task:")
    return LineError(line, number, refused.message, params=params, refused=type(refused))


def unreadable_line_error(unreadable: CsvUnreadable) -> LineError:
    return line_error(1, "", unreadable.code, str(unreadable), **unreadable.params)


def header_line_error(expected: list[str]) -> LineError:
    return line_error(1, "", "COLUMNS_WRONG", f"The first row must name the columns: {', '.join(expected)}.",
                      columns=list(expected))
