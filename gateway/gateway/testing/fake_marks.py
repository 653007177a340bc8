"""An in-memory marks service that follows the marks contract at the HTTP level, for the gateway's tests."""
from urllib.parse import unquote, urlsplit

import requests

from iamis_shared.tokens import TokenVerifier

from . import fake_marks_files as files_rules
from . import fake_marksheet as sheet
from .fake_answer import FakeAnswer
from .fake_marks_board import board_route
from .fake_marksheet import Refusal

WRITERS = ("exams_officer", "admin")


class FakeMarks:
    def __init__(self, public_pem: bytes):
        self.verifier = TokenVerifier(public_pem, audience="marks")
        self.series, self.units, self.entries, self.submitted = {}, {}, {}, {}
        self.calls: list[tuple[str, str, dict | None]] = []
        self.callers = []  # the Principal of each call's token
        self.published: list[tuple[str, str]] = []  # marksheet_submitted events: (unit id, centre)
        self.reachable, self.failing = True, False

    # What the tests set up
    def add_series(self, name: str, results_day: str = "2026-01-15") -> dict:
        found = {"id": len(self.series) + 1, "name": name, "results_day": results_day}
        self.series[str(found["id"])] = found
        return found

    def add_unit(self, series: dict, code: str, title: str, kind: str = "marks", tasks=(("Task 1", 40),),
                 grades=(), deadline: str = "2025-11-05", **rules) -> dict:
        unit = {"id": len(self.units) + 101, "code": code, "title": title, "kind": kind,
                "series": {"id": series["id"], "name": series["name"]}, "deadline": deadline,
                "full_title": f"{series['name']} {title} ({code})",
                "tasks": [{"name": n, "max": m} for n, m in tasks] if kind == "marks" else [],
                "grades": list(grades), "initials_required": False, "carry_forward_allowed": False,
                "evidence_upload": False, "group_upload": False, **rules}
        unit["total_max"] = sum(task["max"] for task in unit["tasks"])
        self.units[str(unit["id"])] = unit
        return unit

    def enter(self, unit: dict, centre: str, people, late: bool = False) -> None:
        states = self.entries.setdefault((str(unit["id"]), centre), {})
        for number, surname, forename in people:
            states[str(number)] = sheet.candidate(number, surname, forename, late)

    def state(self, unit: dict, centre: str, number) -> dict:
        return self.entries[(str(unit["id"]), centre)][str(number)]

    # The HTTP side
    def request(self, method, url, headers=None, timeout=None, stream=False, json=None, params=None,
                files=None, **_):
        if not self.reachable:
            raise requests.ConnectionError("marks is down")
        if self.failing:
            return FakeAnswer(500, {"code": "INTERNAL_ERROR", "message": "Something went wrong."})
        path = urlsplit(url).path.removeprefix("/api/marks/v1")
        self.calls.append((method, path, json))
        principal = self.verifier.verify(headers["Authorization"].removeprefix("Bearer "))
        self.callers.append(principal)
        try:
            return self._route(principal, method, [unquote(p) for p in path.strip("/").split("/")],
                               json or {}, params or {}, files or {})
        except Refusal as refusal:
            body = {"code": refusal.code, "message": refusal.message}
            return FakeAnswer(refusal.status, dict(body, details=refusal.details) if refusal.details else body)

    def _route(self, who, method, parts, body, params, files):
        if parts[0] != "centres":
            if who.account_type != "board_staff":
                raise Refusal(403, "FORBIDDEN", "Your account type does not allow this.")
            return FakeAnswer(*board_route(self, method, parts, body, files))
        centre, unit_id = parts[1], parts[3] if len(parts) > 3 else None
        if not (who.account_type == "board_staff" or centre in who.centres
                and (who.account_type in WRITERS or "iamis" in who.permissions)):
            if unit_id is None:
                return FakeAnswer(200, {"centre": centre, "series": []})
            raise Refusal(404, "UNIT_NOT_FOUND", "There is no such unit.")
        if unit_id is None:
            return FakeAnswer(200, self._unit_list(centre))
        unit, states = self._sheet_of(unit_id, centre)
        if method != "GET" and who.account_type == "board_staff":
            raise Refusal(403, "READ_ONLY", "Board staff can read marks but not change them.")
        if method != "GET" and (unit_id, centre) in self.submitted and parts[4] != "submit":
            raise Refusal(423, "MARKSHEET_SUBMITTED", "ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED ...")
        return self._sheet_route(method, parts[4:], unit, centre, states, body, params, files)

    def _sheet_of(self, unit_id, centre):
        states = self.entries.get((unit_id, centre))
        if not states:
            raise Refusal(404, "UNIT_NOT_FOUND", "There is no such unit.")
        return self.units[unit_id], states

    def _sheet_route(self, method, rest, unit, centre, states, body, params, files):
        key = (str(unit["id"]), centre)
        if rest == ["marksheet"]:
            listed = sheet.marksheet(unit, list(states.values()), params)
            return FakeAnswer(200, dict(listed, unit=unit, submitted=key in self.submitted,
                                        submitted_at=self.submitted.get(key), counts=self._counts(unit, states)))
        if method == "PATCH" and rest[0] == "candidates":
            if rest[1] not in states:
                raise Refusal(404, "CANDIDATE_NOT_FOUND", "There is no such candidate.")
            sheet.save(unit, states[rest[1]], body.get("field", ""), body.get("value", ""), body.get("previous", ""))
            return FakeAnswer(200, {"row": sheet.row(unit, states[rest[1]]), "counts": self._counts(unit, states)})
        if method == "POST" and rest == ["import"]:
            changed, errors = files_rules.import_rows(unit, states, files["file"][1].read().decode("utf-8-sig"))
            if errors:
                raise Refusal(422, "IMPORT_REFUSED", "The file was not imported.", {"errors": errors})
            self.entries[key] = changed
            return FakeAnswer(200, {"imported": len(changed), "counts": self._counts(unit, changed)})
        if rest == ["export.csv"]:
            return FakeAnswer(200, text=files_rules.export_csv(unit, states), headers={
                "Content-Type": "text/csv", "Content-Disposition": f'attachment; filename="{unit["code"]}.csv"'})
        if method == "POST" and rest == ["submit"]:
            return self._submit(unit, key, states)
        raise Refusal(404, "NOT_FOUND", "No such endpoint.")

    def _submit(self, unit, key, states):
        if key in self.submitted:
            return FakeAnswer(200, {"submitted": len(states), "submitted_at": self.submitted[key],
                                    "already_submitted": True})
        left = self._counts(unit, states)["left"]
        if left:
            raise Refusal(422, "MARKSHEET_INCOMPLETE", f"{left} candidates still need a mark or outcome.")
        self.submitted[key] = "2025-11-01T10:00:00+00:00"
        self.published.append(key)
        return FakeAnswer(200, {"submitted": len(states), "submitted_at": self.submitted[key],
                                "already_submitted": False})

    def _counts(self, unit, states) -> dict:
        done = sum(sheet.complete(unit, state) for state in states.values())
        return {"entries": len(states), "done": done, "left": len(states) - done}

    def _unit_list(self, centre: str) -> dict:
        listed = {}
        for (unit_id, at), states in self.entries.items():
            if at != centre or not states:
                continue
            unit, counts = self.units[unit_id], self._counts(self.units[unit_id], states)
            submitted = (unit_id, centre) in self.submitted
            listed.setdefault(unit["series"]["id"], []).append({
                **{k: unit[k] for k in ("id", "code", "title", "full_title", "kind", "deadline", "evidence_upload")},
                "entries": counts["entries"], "done": counts["done"], "left": counts["left"],
                "submitted": submitted, "submitted_count": counts["entries"] if submitted else 0,
                "can_submit": counts["left"] == 0 and not submitted})
        series = [dict(self.series[str(sid)], units=sorted(units, key=lambda u: u["code"]))
                  for sid, units in listed.items()]
        return {"centre": centre, "series": sorted(series, key=lambda s: s["name"])}
