"""Reading the CSV files people upload (from a school's MIS or the board's entries system)."""
import csv
import io
from dataclasses import dataclass

MAX_ROWS = 20_000
MAX_MB = 4
MAX_BYTES = MAX_MB * 1024 * 1024


class CsvUnreadable(Exception):
    """The file cannot be read as CSV text; the message says why, for a person, the code for a page."""

    def __init__(self, code: str, message: str, **params):
        super().__init__(message)
        self.code, self.params = code, params


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)


def read_csv(data: bytes) -> CsvTable:
    if len(data) > MAX_BYTES:
        raise CsvUnreadable("FILE_TOO_LARGE", f"The file is larger than {MAX_MB} MB. Upload a smaller file.",
                             max_mb=MAX_MB)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvUnreadable("FILE_NOT_TEXT", "The file is not a CSV text file. Save it from your spreadsheet as "
                            "\"CSV UTF-8 (comma delimited)\" and upload it again.") from None
    if "\x00" in text:
        raise CsvUnreadable("FILE_NOT_TEXT", "The file is not a CSV text file.")
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise CsvUnreadable("FILE_NOT_CSV", f"The file is not valid CSV: {error}.", reason=str(error)) from None
    numbered = [(n, [cell.strip() for cell in cells]) for n, cells in enumerate(lines, start=1)
                if any(cell.strip() for cell in cells)]
    if not numbered:
        raise CsvUnreadable("FILE_EMPTY", "The file is empty.")
    if len(numbered) > MAX_ROWS + 1:
        raise CsvUnreadable("FILE_TOO_MANY_ROWS", f"The file has more than {MAX_ROWS} rows.", max=MAX_ROWS)
    (_, header), *rows = numbered
    return CsvTable([name.casefold() for name in header], rows)

