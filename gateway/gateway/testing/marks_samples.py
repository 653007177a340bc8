"""Units and candidates like the guide's, set up in the fake marks API for the gateway's tests."""
from .fake_marks import FakeMarks

PEOPLE = [(1054, "Jones", "Tomos"), (3268, "Evans", "Cerys"), (3301, "Williams", "Dafydd"),
          (3302, "Davies", "Megan"), (3303, "Thomas", "Rhys"), (3304, "Roberts", "Ffion"),
          (3305, "Hughes", "Osian"), (3306, "Lewis", "Elin"), (3307, "Morgan", "Gethin"),
          (3308, "Griffiths", "Nia"), (3309, "Price", "Iwan"), (3310, "Owen", "Seren"),
          (3311, "Jenkins", "Aled")]


def people(count: int) -> list[tuple[int, str, str]]:
    """The guide's 13 candidates, then as many more as a test needs."""
    extra = [(4000 + n, f"Candidate{n:03d}", "Test") for n in range(max(0, count - len(PEOPLE)))]
    return (PEOPLE + extra)[:count]


def oracy(fake: FakeMarks, centre: str = "68101", count: int = 13) -> dict:
    series = _series(fake, "GCSE NOVEMBER 2025")
    unit = fake.add_unit(series, "3700U1", "ENGLISH LANGUAGE UNIT 1 ORACY", tasks=(("Task 1", 40), ("Task 2", 40)),
                         deadline="2025-11-05", initials_required=True)
    fake.enter(unit, centre, people(count))
    return unit


def criminology(fake: FakeMarks, centre: str = "68101", count: int = 5) -> dict:
    series = _series(fake, "APPLIED LEVEL 3 JUNE 2025")
    unit = fake.add_unit(series, "9611/L3", "CRIMINOLOGICAL THEORIES CONTROL ASSESSMENT", kind="outcomes",
                         grades=("Pass", "Merit", "Distinction"), deadline="2025-05-15")
    fake.enter(unit, centre, people(count))
    return unit


def linear(fake: FakeMarks, centre: str = "68101", count: int = 3) -> dict:
    series = _series(fake, "GCSE JUNE 2025")
    unit = fake.add_unit(series, "3653U1", "ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO",
                         tasks=(("Task 1", 120),), deadline="2025-05-31", carry_forward_allowed=True)
    fake.enter(unit, centre, people(count))
    return unit


def complete_marks(fake: FakeMarks, unit: dict, centre: str = "68101", initials: str = "AB") -> None:
    """Every candidate marked (and initialled where needed), ready to submit."""
    for state in fake.entries[(str(unit["id"]), centre)].values():
        if unit["kind"] == "outcomes":
            state.update(outcome=unit["grades"][0], status="marked")
            continue
        state["task_marks"] = {task["name"]: task["max"] // 2 for task in unit["tasks"]}
        state["status"] = "marked"
        state["initials"] = initials if unit["initials_required"] else None


def _series(fake: FakeMarks, name: str) -> dict:
    return next((s for s in fake.series.values() if s["name"] == name), None) or fake.add_series(name)
