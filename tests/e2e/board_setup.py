"""Board staff set up a series, a unit and its entries through the real API, as the board pages do."""
import uuid

from .signing_in import sign_in

SURNAMES = ("JONES", "WILLIAMS", "DAVIES", "EVANS", "THOMAS", "ROBERTS", "HUGHES", "LEWIS", "MORGAN", "GRIFFITHS")


class Board:
    def __init__(self, page):
        self.page = page
        self.csrf = page.locator("meta[name=csrf-token]").get_attribute("content")

    def post(self, path: str, body: dict) -> dict:
        response = self.page.request.post(f"/api/marks/v1{path}", data=body, headers={"X-CSRFToken": self.csrf})
        assert response.ok, (path, response.status, response.text())
        return response.json()

    def unit(self, kind="marks", tasks=(("Task 1", 40), ("Task 2", 40)), grades=(), candidates=3,
             initials=True, carry_forward=False, centre="68101") -> dict:
        series = self.post("/series", {"name": f"GCSE TEST {uuid.uuid4().hex[:6].upper()}", "results_day": "2027-08-20"})
        unit = self.post(f"/series/{series['id']}/units", {
            "code": f"T{uuid.uuid4().hex[:5].upper()}", "title": "ENGLISH LANGUAGE UNIT 1 ORACY", "kind": kind,
            "tasks": [{"name": n, "max": m} for n, m in tasks], "grades": list(grades),
            "initials_required": initials and kind == "marks", "carry_forward_allowed": carry_forward,
            "deadline": "2027-11-05"})
        numbers = [f"{1001 + n}" for n in range(candidates)]
        self.entries(unit["id"], numbers, centre)
        return {**unit, "series": series, "numbers": numbers}

    def entries(self, unit_id: int, numbers, centre="68101") -> dict:
        return self.post(f"/units/{unit_id}/entries", {"entries": [
            {"centre": centre, "candidate_number": n, "surname": SURNAMES[int(n) % len(SURNAMES)],
             "forename": "CERYS", "date_of_birth": "2009-03-14"} for n in numbers]})


def board_for(browser, base_url: str, staff) -> Board:
    page = browser.new_context(base_url=base_url).new_page()
    sign_in(page, staff)
    return Board(page)
