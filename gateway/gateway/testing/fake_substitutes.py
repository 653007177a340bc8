"""The sampling contract's substitutes for missing or incomplete work, small and in memory, for FakeSampling:
the nearest candidate with complete work on each side of the ranking, not already in the sample."""
from ..sample_view import SUBSTITUTABLE
from . import fake_marksheet as sheet
from .fake_marksheet import Refusal


def work(marks, unit_id: str, centre: str) -> dict[str, dict]:
    """{number: {candidate_number, name, total, outcome, score}} of every candidate with complete work."""
    unit = marks.units[unit_id]
    found = {}
    for number, state in marks.entries.get((unit_id, centre), {}).items():
        row = sheet.row(unit, state)
        if state["status"] != "marked" or (row["total"] is None and row["outcome"] is None):
            continue
        score = row["total"] if unit["kind"] == "marks" else unit["grades"].index(row["outcome"])
        found[number] = {"candidate_number": number, "name": row["name"], "total": row["total"],
                         "outcome": row["outcome"], "score": score}
    return found


def nearest(marks, unit_id: str, centre: str, members: dict, substitutes: dict, number: str) -> dict:
    check_substitutable(members, substitutes, number)
    everyone = work(marks, unit_id, centre)
    candidate = everyone.get(number)
    if candidate is None:
        return {"candidate": None, "offered": []}
    rank = lambda c: (-c["score"], c["candidate_number"])  # noqa: E731
    free = [c for c in everyone.values() if c["candidate_number"] not in members]
    above = [c for c in free if rank(c) < rank(candidate)]
    below = [c for c in free if rank(c) > rank(candidate)]
    offered = ([max(above, key=rank)] if above else []) + ([min(below, key=rank)] if below else [])
    side = lambda c: "higher" if c["score"] > candidate["score"] else "same" if c["score"] == candidate["score"] \
        else "lower"  # noqa: E731
    return {"candidate": _shown(candidate), "offered": [dict(_shown(c), side=side(c)) for c in offered]}


def check_substitutable(members: dict, substitutes: dict, number: str) -> None:
    if number not in members:
        raise Refusal(404, "NOT_IN_SAMPLE", "This candidate is not in the sample.")
    if members[number] == "substitute":
        raise Refusal(409, "IS_SUBSTITUTE", "This candidate is a substitute already.")
    if members[number] not in SUBSTITUTABLE:
        raise Refusal(409, "ADDED_BY_CENTRE", "You added this candidate to the sample.")
    if number in substitutes:
        raise Refusal(409, "ALREADY_SUBSTITUTED", "A substitute has already been chosen for this candidate.")


def choose(marks, unit_id, centre, members: dict, substitutes: dict, number: str, body: dict) -> None:
    offered = nearest(marks, unit_id, centre, members, substitutes, number)["offered"]
    note = (body.get("note_to_moderator") or "").strip()
    if not note:
        raise Refusal(422, "NOTE_MISSING", "Enter a note to the moderator.")
    if len(note) > 1000:
        raise Refusal(422, "NOTE_TOO_LONG", "The note to the moderator must be 1000 characters or fewer.")
    if "\x00" in note:
        raise Refusal(422, "NOTE_UNREADABLE", "The note to the moderator holds characters that cannot be kept.")
    if body.get("substitute") not in {o["candidate_number"] for o in offered}:
        raise Refusal(422, "SUBSTITUTE_NOT_OFFERED", "Choose one of the candidates offered.")
    members[body["substitute"]] = "substitute"
    substitutes[number] = (body["substitute"], note)


def undo(members: dict, substitutes: dict, number: str) -> None:
    if number not in members:
        raise Refusal(404, "NOT_IN_SAMPLE", "This candidate is not in the sample.")
    if number not in substitutes:
        raise Refusal(404, "NO_SUBSTITUTE", "No substitute has been chosen for this candidate.")
    substitute, _ = substitutes.pop(number)
    del members[substitute]


def listed(members: dict, substitutes: dict) -> list[dict]:
    replaces = {chosen: number for number, (chosen, _) in substitutes.items()}
    return [{"candidate_number": n, "reason": r, "work_missing": n in substitutes, "substitute_for": replaces.get(n),
             "note_to_moderator": substitutes[n][1] if n in substitutes else None} for n, r in sorted(members.items())]


def _shown(candidate: dict) -> dict:
    return {k: v for k, v in candidate.items() if k != "score"}
