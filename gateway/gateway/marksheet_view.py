"""The marksheet as the page lays it out: the options, the columns, each field's id and label."""
import re
from dataclasses import dataclass

from flask_babel import gettext

ROWS = ("10", "20", "50", "100", "all")
SORTS = ("candidate", "name", "mark")
SHOWS = ("all", "unmarked", "marked", "samples")
DEFAULT_OPTIONS = {"search": "", "rows": "20", "sort": "candidate", "show": "all", "page": 1}
SEARCH_LENGTH = 50


def sheet_options(args) -> dict:
    """The Options form's choices from the query string; anything unknown falls back to the default."""
    options = dict(DEFAULT_OPTIONS, search=" ".join((args.get("search") or "").split())[:SEARCH_LENGTH])
    for name, allowed in (("rows", ROWS), ("sort", SORTS), ("show", SHOWS)):
        if args.get(name) in allowed:
            options[name] = args[name]
    page = args.get("page", "")
    options["page"] = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    return options


def option_query(options: dict, **changes) -> dict:
    """The options as a query string for a link, leaving out the defaults."""
    chosen = dict(options, **changes)
    return {name: value for name, value in chosen.items() if value != DEFAULT_OPTIONS.get(name)}


@dataclass(frozen=True)
class Column:
    field: str          # the contract's field name: "task:Task 1", "initials" or "outcome"
    kind: str           # "mark", "initials" or "outcome"
    heading: str
    task: str = ""
    maximum: int | None = None


def columns(unit: dict) -> list[Column]:
    if unit["kind"] == "outcomes":
        return [Column("outcome", "outcome", gettext("Grade"))]
    found = [Column(f"task:{task['name']}", "mark", gettext("%(task)s (Max:%(max)s)", task=task["name"],
                                                            max=task["max"]), task["name"], task["max"])
             for task in unit["tasks"]]
    if unit.get("initials_required"):
        found.append(Column("initials", "initials", gettext("Teacher Initials")))
    return found


def import_columns(unit: dict) -> list[str]:
    """The header row an MIS import file needs, as the marks contract names the columns."""
    if unit["kind"] == "outcomes":
        return ["candidate_number", "outcome"]
    tasks = [task["name"] for task in unit["tasks"]]
    return ["candidate_number", *tasks, *(["initials"] if unit.get("initials_required") else [])]


def field_id(candidate_number: str, column_index: int) -> str:
    return f"field-{re.sub(r'[^A-Za-z0-9]', '_', str(candidate_number))}-{column_index}"


def field_label(column: Column, row: dict) -> str:
    """The hidden label of one box, naming what it holds and whose it is."""
    who = f"{row['candidate_number']} {row['name']}"
    if column.kind == "mark":
        return gettext("%(task)s mark for %(candidate)s", task=column.task, candidate=who)
    if column.kind == "initials":
        return gettext("Teacher initials for %(candidate)s", candidate=who)
    return gettext("Grade for %(candidate)s", candidate=who)


def page_numbers(page: int, pages: int) -> list[int | None]:
    """The page links to show: all of a few, or the first, last and those near this one (None: a gap)."""
    if pages <= 9:
        return list(range(1, pages + 1))
    near = {1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)}
    shown: list[int | None] = []
    for number in sorted(near):
        if shown and number - shown[-1] > 1:
            shown.append(None)
        shown.append(number)
    return shown


def posted_fields(form) -> dict[tuple[str, str], tuple[str, str]]:
    """The no-JavaScript form's boxes: {(candidate, field): (value typed, value as the page showed it)}."""
    fields = {}
    for name, value in form.items(multi=False):
        kind, _, rest = name.partition("|")
        candidate, _, field = rest.partition("|")
        if kind == "v" and candidate and field:
            shown = form.get(f"p|{candidate}|{field}", "")
            fields[(candidate, field)] = (value.strip(), shown)
    return fields
