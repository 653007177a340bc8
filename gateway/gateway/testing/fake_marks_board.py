"""The board side of the fake marks API: series, units, entries (all-or-nothing, late after the first)."""
import csv
import io
import re
from datetime import datetime

from .fake_marksheet import Refusal

ENTRY_COLUMNS = ["centre", "candidate_number", "surname", "forename", "date_of_birth"]


def board_route(fake, method: str, parts: list[str], body: dict, files: dict) -> tuple[int, dict]:
    if parts == ["series"]:
        return (200, {"series": sorted(fake.series.values(), key=lambda s: s["name"])}) if method == "GET" \
            else _add_series(fake, body)
    if parts[0] == "series" and parts[2:] == ["units"]:
        series = fake.series.get(parts[1])
        if series is None:
            raise Refusal(404, "SERIES_NOT_FOUND", "There is no such series.")
        if method == "GET":
            return 200, {"units": sorted((u for u in fake.units.values() if u["series"]["id"] == series["id"]),
                                         key=lambda u: u["code"])}
        if any(u["code"] == body["code"] and u["series"]["id"] == series["id"] for u in fake.units.values()):
            raise Refusal(409, "UNIT_EXISTS", f"This series already has a unit {body['code']}.")
        rules = {k: body[k] for k in ("initials_required", "carry_forward_allowed", "evidence_upload",
                                      "group_upload")}
        unit = fake.add_unit(series, body["code"], body["title"], body["kind"],
                             [(t["name"], t["max"]) for t in body["tasks"]], body["grades"], body["deadline"], **rules)
        return 201, unit
    unit = fake.units.get(parts[1]) if parts[0] == "units" and len(parts) > 1 else None
    if unit is None:
        raise Refusal(404, "UNIT_NOT_FOUND", "There is no such unit.")
    if parts[2:] == []:
        return 200, unit
    if parts[2:] == ["centres"]:
        return 200, {"centres": [{"centre": centre, **fake._counts(unit, states), "submitted": key in fake.submitted}
                                 for key, states in sorted(fake.entries.items())
                                 for centre in [key[1]] if key[0] == parts[1]]}
    if parts[2:] == ["entries"] and method == "POST":
        return _load_entries(fake, unit, files["file"][1].read().decode("utf-8-sig"))
    raise Refusal(404, "NOT_FOUND", "No such endpoint.")


def _add_series(fake, body: dict) -> tuple[int, dict]:
    if any(s["name"] == body["name"] for s in fake.series.values()):
        raise Refusal(409, "SERIES_EXISTS", f"A series called {body['name']} already exists.")
    return 201, fake.add_series(body["name"], body["results_day"])


def _load_entries(fake, unit: dict, text: str) -> tuple[int, dict]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [h.strip() for h in rows[0]] != ENTRY_COLUMNS:
        raise Refusal(422, "ENTRIES_REFUSED", "The file was not loaded.", {"errors": [_line(
            1, "", "COLUMNS_WRONG", f"The first row must name the columns: {', '.join(ENTRY_COLUMNS)}.",
            columns=ENTRY_COLUMNS)]})
    errors, seen, people = [], {}, []
    for line, values in enumerate(rows[1:], start=2):
        centre, number, surname, forename, born = (values + [""] * 5)[:5]
        problem = _entry_problem(fake, unit, centre, number, surname, forename, born, seen)
        if problem:
            code, message, params = problem
            errors.append(_line(line, number, code, message, **params))
        seen.setdefault((centre, number), line)
        people.append((centre, number, surname, forename))
    if errors:
        raise Refusal(422, "ENTRIES_REFUSED", "The file was not loaded.", {"errors": errors})
    loaded_before = {centre for (unit_id, centre), states in fake.entries.items()
                     if unit_id == str(unit["id"]) and states}
    for centre, number, surname, forename in people:
        fake.enter(unit, centre, [(number, surname, forename)], late=centre in loaded_before)
    late = sum(centre in loaded_before for centre, *_ in people)
    return 200, {"added": len(people), "late": late, "centres": sorted({p[0] for p in people})}


def _line(line: int, number: str, code: str, message: str, **params) -> dict:
    """A bad line as the service sends it: a code and params for the page, and the message in English."""
    return {"line": line, "candidate_number": number, "code": code, "params": params, "message": message}


def _entry_problem(fake, unit, centre, number, surname, forename, born, seen) -> tuple | None:
    """The first problem of a row, as (code, message, params), in the service's words."""
    if not re.fullmatch(r"[0-9]{5}", centre):
        return "CENTRE_INVALID", f"The centre number {centre} is not 5 digits.", {"centre": centre}
    if not re.fullmatch(r"[0-9]{1,4}", number):
        return ("CANDIDATE_NUMBER_INVALID", f"The candidate number {number} is not 1 to 4 digits.",
                {"candidate": number})
    for name, value in (("surname", surname), ("forename", forename)):
        if not value.strip():
            return f"{name.upper()}_MISSING", f"The {name} is missing.", {}
    if not any(_parses(born, pattern) for pattern in ("%Y-%m-%d", "%d/%m/%Y")):
        return ("DATE_OF_BIRTH_INVALID", f"The date of birth {born} is not a real past date (write it as "
                "YYYY-MM-DD or DD/MM/YYYY).", {"value": born})
    if (centre, number) in seen:
        return ("ENTRY_REPEATED", f"Candidate {number} of centre {centre} is also on line {seen[(centre, number)]}.",
                {"candidate": number, "centre": centre, "first_line": seen[(centre, number)]})
    if number in fake.entries.get((str(unit["id"]), centre), {}):
        return ("ALREADY_ENTERED", f"Candidate {number} is already entered for {unit['code']} at centre {centre}.",
                {"candidate": number, "unit": unit["code"], "centre": centre})
    return None


def _parses(text: str, pattern: str) -> bool:
    try:
        datetime.strptime(text, pattern)
        return True
    except ValueError:
        return False
