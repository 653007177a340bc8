"""MIS files for the fake marks API: an import refused whole on any bad line, and the export."""
import copy
import csv
import io

from .fake_marksheet import Refusal, row, save


def import_rows(unit: dict, states: dict, text: str) -> tuple[dict, list]:
    """The states after the file, and every bad line; the caller keeps the old states if any is bad."""
    changed, errors = copy.deepcopy(states), []
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    fields = ["outcome"] if unit["kind"] == "outcomes" else [f"task:{t['name']}" for t in unit["tasks"]]
    wanted = ["candidate_number", *[f.removeprefix("task:") for f in fields],
              *(["initials"] if unit["initials_required"] else [])]
    if [h.strip() for h in header] != wanted:
        return changed, [{"line": 1, "candidate_number": "",
                          "message": f"The first row must be: {', '.join(wanted)}."}]
    seen = {}  # candidate number -> the line it was first on
    for line, values in enumerate(reader, start=2):
        number = (values[0] if values else "").strip()
        if number in seen:
            errors.append({"line": line, "candidate_number": number, "code": "CANDIDATE_REPEATED",
                           "params": {"candidate": number, "first_line": seen[number]},
                           "message": f"Candidate {number} is also on line {seen[number]}."})
            continue
        if number not in changed:
            errors.append({"line": line, "candidate_number": number, "code": "NOT_ENTERED",
                           "params": {"candidate": number},
                           "message": f"Candidate {number} is not entered for this unit at your centre."})
            continue
        seen[number] = line
        fields_in_row = fields + (["initials"] if unit["initials_required"] else [])
        for field, value in zip(fields_in_row, values[1:]):
            if not value.strip() and changed[number]["status"] in ("absent", "carry_forward"):
                continue  # the other tasks of an absent candidate are left empty in the file
            try:
                save(unit, changed[number], field, value, None)
            except Refusal as refusal:
                errors.append({"line": line, "candidate_number": number, "code": refusal.code,
                               "params": _field_params(unit, field), "message": refusal.message})
                break
    return changed, errors


def _field_params(unit: dict, field: str) -> dict:
    """What the service sends beside a field's code. The fake's lines for an unknown or repeated candidate keep
    its own words and no code, so the pages' fallback to the service's words stays in use."""
    if field == "outcome":
        return {"grades": list(unit["grades"])}
    task = next((t for t in unit["tasks"] if f"task:{t['name']}" == field), None)
    return {"task": task["name"], "max": task["max"], "carry_forward": unit["carry_forward_allowed"]} if task else {}


def export_csv(unit: dict, states: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    fields = ["outcome"] if unit["kind"] == "outcomes" else [f"task:{t['name']}" for t in unit["tasks"]]
    fields += ["initials"] if unit["initials_required"] else []
    writer.writerow(["candidate_number", "surname", "forename",
                     *[f.removeprefix("task:") for f in fields], "total"])
    for state in states.values():
        listed = row(unit, state)
        writer.writerow([state["candidate_number"], state["surname"], state["forename"],
                         *[listed["values"][f] for f in fields], listed["total"] or ""])
    return out.getvalue()
