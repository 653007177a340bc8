"""The demo series, units and entries of the guide, for centres 68101 and 68102; safe to load twice.

Deadlines are a year after today's so nothing reads as closed; series keep the guide's names.
Candidates are a fixed list per centre (one number and name each, whatever the unit).
"""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .domain.access import Actor
from .domain.units import MARKS, OUTCOMES
from .service_layer import board

SEEDER = Actor(user_id="demo-data", name="IAMIS demo data", account_type="board_staff")
SURNAMES = ("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths",
            "Price", "Rees", "Owen", "Jenkins", "Powell", "Pritchard", "Parry", "Lloyd", "Edwards", "Phillips",
            "Smith", "Taylor", "Brown", "Wilson", "Walker", "Wright", "Green", "Hall", "Wood", "Clarke", "Bevan")
FORENAMES = ("Aled", "Bethan", "Carys", "Dafydd", "Elin", "Ffion", "Gareth", "Gwen", "Huw", "Iwan", "Lowri",
             "Macsen", "Nia", "Osian", "Rhys", "Seren", "Siôn", "Tegan", "Cerys", "Emily", "Oliver", "Jack",
             "Sophie", "Harry", "Ella", "George", "Amelia", "Thomas", "Grace", "Mia", "Llŷr")
# The guide shows candidates 1054 and 3268 on 3700U1: they head centre 68101's list.
CANDIDATE_NUMBERS = {
    "68101": ["1054", "3268"] + [str(1001 + 17 * i) for i in range(200) if 1001 + 17 * i not in (1054, 3268)],
    "68102": [str(2003 + 13 * i) for i in range(50)],
}
SERIES = {"GCSE NOVEMBER 2025": date(2028, 1, 13), "GCSE JUNE 2025": date(2027, 8, 19),
          "APPLIED LEVEL 3 JUNE 2025": date(2027, 8, 12), "VOCATIONAL LEVEL 1/2 JUNE 2025": date(2027, 8, 19)}
LEVELS = ("Level 1 Pass", "Level 1 Merit", "Level 1 Distinction", "Level 2 Pass", "Level 2 Merit",
          "Level 2 Distinction")


@dataclass(frozen=True)
class DemoUnit:
    series: str
    code: str
    title: str
    kind: str
    deadline: date
    entries: dict[str, int]
    tasks: tuple[tuple[str, int], ...] = ()
    grades: tuple[str, ...] = ()
    options: dict = field(default_factory=dict)


DEMO_UNITS = (
    DemoUnit("GCSE NOVEMBER 2025", "3700U1", "ENGLISH LANGUAGE UNIT 1 ORACY", MARKS, date(2027, 11, 5),
             {"68101": 13, "68102": 5}, tasks=(("Task 1", 40), ("Task 2", 40)), options={"initials_required": True}),
    DemoUnit("GCSE JUNE 2025", "3653U1", "ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO", MARKS, date(2027, 5, 31),
             {"68101": 29}, tasks=(("Mark", 120),), options={"evidence_upload": True}),
    DemoUnit("GCSE JUNE 2025", "3660U1", "MUSIC UNIT 1 PERFORMING", MARKS, date(2027, 5, 15), {"68101": 10},
             tasks=(("Mark", 72),), options={"initials_required": True, "carry_forward_allowed": True}),
    DemoUnit("APPLIED LEVEL 3 JUNE 2025", "9611/L3", "CRIMINOLOGICAL THEORIES CONTROL ASSESSMENT", OUTCOMES,
             date(2027, 5, 15), {"68101": 144, "68102": 4}, grades=("Pass", "Merit", "Distinction")),
    DemoUnit("VOCATIONAL LEVEL 1/2 JUNE 2025", "9791/01", "ENGINEERING DESIGN CONTROL ASSESSMENT", OUTCOMES,
             date(2027, 5, 15), {"68101": 20}, grades=LEVELS, options={"evidence_upload": True, "group_upload": True}),
)


def candidate(centre: str, index: int) -> dict:
    return {"centre": centre, "candidate_number": CANDIDATE_NUMBERS[centre][index],
            "surname": SURNAMES[index % len(SURNAMES)],
            "forename": FORENAMES[(index * 7 + index // len(SURNAMES)) % len(FORENAMES)],
            "date_of_birth": (date(2009, 9, 1) + timedelta(days=(index * 37) % 365)).isoformat()}


def seed_demo(make_uow, now: datetime) -> list[str]:
    """Add whatever demo series, unit or centre's entries is missing; returns what was added."""
    added = []
    for name, results_day in SERIES.items():
        with make_uow() as uow:
            exists = uow.series.get_by_name(name) is not None
        if not exists:
            board.create_series(make_uow(), name, results_day)
            added.append(name)
    for demo in DEMO_UNITS:
        with make_uow() as uow:
            series = uow.series.get_by_name(demo.series)
            unit = uow.units.get_by_code(series.id, demo.code)
        if unit is None:
            unit_id = board.create_unit(make_uow(), series.id, {
                "code": demo.code, "title": demo.title, "kind": demo.kind, "deadline": demo.deadline,
                "tasks": [{"name": n, "max": m} for n, m in demo.tasks], "grades": list(demo.grades),
                **demo.options})["id"]
            added.append(demo.code)
        else:
            unit_id = unit.id
        for centre, count in demo.entries.items():
            with make_uow() as uow:
                entered = uow.entries.has_entries(unit_id, centre)
            if not entered:
                rows = [(n + 1, candidate(centre, n)) for n in range(count)]
                board.load_entries(make_uow(), SEEDER, unit_id, rows, now)
                added.append(f"{demo.code} entries for {centre}")
    return added
