"""The marks contract's marksheet rules, small and in memory, for the fake marks API."""
import math

OPTIONS = {"sort": ("candidate", "name", "mark"), "show": ("all", "unmarked", "marked", "samples"),
           "rows": ("10", "20", "50", "100", "all")}


class Refusal(Exception):
    def __init__(self, status: int, code: str, message: str, details: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def candidate(number, surname, forename, late=False, date_of_birth="2009-03-14") -> dict:
    return {"candidate_number": str(number), "surname": surname, "forename": forename, "late_entry": late,
            "date_of_birth": date_of_birth, "task_marks": {}, "status": "unmarked", "outcome": None,
            "initials": None, "sample": False}


def shown(state: dict, field: str) -> str:
    if field == "initials":
        return state["initials"] or ""
    if field == "outcome":
        return state["outcome"] or ""
    if state["status"] == "absent":
        return "A"
    if state["status"] == "carry_forward":
        return "CF"
    mark = state["task_marks"].get(field.removeprefix("task:"))
    return "" if mark is None else str(mark)


def complete(unit: dict, state: dict) -> bool:
    if state["status"] in ("absent", "carry_forward"):
        return True
    if unit["kind"] == "outcomes":
        return state["outcome"] is not None
    marked = all(state["task_marks"].get(task["name"]) is not None for task in unit["tasks"])
    return marked and (not unit["initials_required"] or bool(state["initials"]))


def row(unit: dict, state: dict) -> dict:
    fields = ["outcome"] if unit["kind"] == "outcomes" else [f"task:{t['name']}" for t in unit["tasks"]]
    marks = {task["name"]: state["task_marks"].get(task["name"]) for task in unit["tasks"]}
    total = sum(marks.values()) if marks and None not in marks.values() else None
    fields += ["initials"] if unit["initials_required"] else []
    values = {field: shown(state, field) for field in fields}
    return {**{k: v for k, v in state.items() if k != "task_marks"}, "task_marks": marks, "total": total,
            "name": f"{state['surname'].upper()}: {state['forename'].upper()}", "values": values,
            "complete": complete(unit, state)}


def save(unit: dict, state: dict, field: str, value: str, previous: str | None) -> None:
    """Apply one typed value (previous None: an import, a deliberate overwrite), or refuse it."""
    def normal(text):
        text = (text or "").strip().upper()
        return "CF" if text == "C" else text
    if previous is not None and normal(previous) != normal(shown(state, field)):
        now = shown(state, field)
        raise Refusal(409, "VALUE_CHANGED", f"Someone else changed this value since you opened the marksheet. "
                      f"It is now {now}. Check it before you change it.", {"row": row(unit, state)})
    value = value.strip()
    if field.startswith("task:") and unit["kind"] == "marks":
        return _task(unit, state, field.removeprefix("task:"), value)
    if field == "initials" and unit["initials_required"]:
        if value and not (value.isalpha() and len(value) <= 4):
            raise Refusal(422, "INITIALS_INVALID", "Enter the teacher's initials: up to 4 letters.")
        state["initials"] = value.upper() or None
        return None
    if field == "outcome" and unit["kind"] == "outcomes":
        if value and value not in [*unit["grades"], "Absent"]:
            raise Refusal(422, "OUTCOME_INVALID", "Choose one of the unit's grades, or Absent.")
        state["outcome"] = value or None
        state["status"] = {"": "unmarked", "Absent": "absent"}.get(value, "marked")
        return None
    raise Refusal(422, "FIELD_INVALID", "There is no such box on this marksheet.")


def _task(unit: dict, state: dict, name: str, value: str) -> None:
    task = next((t for t in unit["tasks"] if t["name"] == name), None)
    if task is None:
        raise Refusal(422, "FIELD_INVALID", "There is no such task on this marksheet.")
    upper = value.upper()
    if upper in ("A", "C", "CF"):
        if upper != "A" and not unit["carry_forward_allowed"]:
            raise Refusal(422, "CARRY_FORWARD_NOT_ALLOWED", "You cannot carry forward a mark for this unit.")
        state["task_marks"], state["status"] = {}, "absent" if upper == "A" else "carry_forward"
        return
    if value and not value.isdigit():
        raise Refusal(422, "MARK_INVALID", f"Enter a whole number from 0 to {task['max']} for {name}, "
                      "or A if the candidate was absent.")
    if value and int(value) > task["max"]:
        raise Refusal(422, "MARK_ABOVE_MAXIMUM", f"The mark for {name} must be no more than {task['max']}.",
                      {"max": task["max"], "field": f"task:{name}", "value": value})
    if state["status"] in ("absent", "carry_forward"):
        state["task_marks"] = {}
    state["task_marks"][name] = int(value) if value else None
    state["status"] = "marked" if any(m is not None for m in state["task_marks"].values()) else "unmarked"


def marksheet(unit: dict, states: list[dict], query: dict) -> dict:
    options = {"search": "", "sort": "candidate", "show": "all", "rows": "20", "page": "1", **query}
    for name, allowed in OPTIONS.items():
        if options[name] not in allowed:
            raise Refusal(422, "OPTION_INVALID", f"Choose {name} from: {', '.join(allowed)}.")
    rows = [row(unit, s) for s in states if options["search"].casefold() in s["surname"].casefold()]
    shows = {"unmarked": lambda r: r["status"] == "unmarked", "marked": lambda r: r["status"] != "unmarked",
             "samples": lambda r: r["sample"], "all": lambda r: True}
    rows = [r for r in rows if shows[options["show"]](r)]
    sorts = {"candidate": lambda r: int(r["candidate_number"]), "name": lambda r: r["name"],
             "mark": lambda r: (r["total"] is None and r["outcome"] is None, r["total"] or 0, r["outcome"] or "")}
    rows.sort(key=sorts[options["sort"]])
    size = (len(rows) or 1) if options["rows"] == "all" else int(options["rows"])
    pages = max(1, math.ceil(len(rows) / size))
    page = min(max(1, int(options["page"])), pages)
    return {"rows": rows[(page - 1) * size:page * size], "page": page, "pages": pages, "total_rows": len(rows)}
