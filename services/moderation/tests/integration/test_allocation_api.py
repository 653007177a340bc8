"""Board staff allocate moderators through the API; refusals say why and change nothing; the event is
written with the allocation, once."""
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from moderation.adapters.orm import allocations

from .conftest import API, events

MARED = {"centre": "68101", "moderator_email": "Moderator@Board.example", "moderator_name": "Mared Hughes"}


def count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(allocations)).scalar_one()


def test_board_staff_allocate_a_moderator_and_list_it(client, engine, bearer):
    made = client.post(f"{API}/allocations", headers=bearer(sub="staff-1"), json=MARED)
    assert made.status_code == 201, made.json
    assert (made.json["centre"], made.json["moderator_email"], made.json["moderator_name"],
            made.json["allocated_by"]) == ("68101", "moderator@board.example", "Mared Hughes", "staff-1")
    listed = client.get(f"{API}/allocations", headers=bearer()).json["allocations"]
    assert [(a["id"], a["centre"], a["moderator_email"]) for a in listed] == [
        (made.json["id"], "68101", "moderator@board.example")]
    [event] = events(engine, "moderation.moderator_allocated")
    assert event == {"allocation_id": made.json["id"], "centre": "68101",
                     "moderator_email": "moderator@board.example", "moderator_name": "Mared Hughes",
                     "allocated_at": event["allocated_at"]}
    assert event["allocated_at"].endswith("+00:00")


def test_refusals_say_why_and_change_nothing(client, engine, bearer):
    assert client.post(f"{API}/allocations", headers=bearer(), json=MARED).status_code == 201
    moderator = client.post(f"{API}/allocations", json={**MARED, "centre": "68102"},
                            headers=bearer("moderator", email="moderator@board.example"))
    assert (moderator.status_code, moderator.json["code"], moderator.json["message"]) == (
        403, "BOARD_STAFF_ONLY", "Only board staff can allocate moderators.")
    bad = client.post(f"{API}/allocations", headers=bearer(), json={**MARED, "centre": "6810x"})
    assert (bad.status_code, bad.json["code"], bad.json["message"]) == (
        422, "CENTRE_NUMBER_INVALID", "Enter a centre number of 5 digits, like 68101.")
    twice = client.post(f"{API}/allocations", headers=bearer(), json={**MARED, "moderator_email": "moderator@board.example"})
    assert (twice.status_code, twice.json["code"], twice.json["message"]) == (
        409, "ALREADY_ALLOCATED", "This moderator is already allocated to this centre.")
    missing = client.post(f"{API}/allocations", headers=bearer(), json={"centre": "68102"})
    assert missing.status_code == 422 and set(missing.json["errors"]["json"]) == {"moderator_email",
                                                                                    "moderator_name"}
    nul = client.post(f"{API}/allocations", headers=bearer(), json={**MARED, "moderator_name": "Mared\x00"})
    assert (nul.status_code, nul.json["code"]) == (422, "MODERATOR_NAME_REQUIRED")
    unsigned = client.post(f"{API}/allocations", json={**MARED, "centre": "68102"})
    assert unsigned.status_code == 401
    assert count(engine) == 1 and len(events(engine, "moderation.moderator_allocated")) == 1


def test_a_moderator_lists_only_their_own_and_a_centre_user_none(client, bearer):
    for centre, email in (("68101", "moderator@board.example"), ("68102", "other@board.example")):
        client.post(f"{API}/allocations", headers=bearer(), json={**MARED, "centre": centre, "moderator_email": email})
    own = client.get(f"{API}/allocations", headers=bearer("moderator", email="Moderator@board.example")).json
    assert [(a["centre"], a["moderator_email"]) for a in own["allocations"]] == [("68101", "moderator@board.example")]
    one_centre = client.get(f"{API}/allocations?centre=68102", headers=bearer()).json["allocations"]
    assert [a["moderator_email"] for a in one_centre] == ["other@board.example"]
    assert client.get(f"{API}/allocations?centre=68", headers=bearer()).status_code == 422
    teacher = client.get(f"{API}/allocations",
                         headers=bearer("user", email="t@demo-centre.example", centres=("68101",)))
    assert teacher.status_code == 403


def test_two_allocations_of_the_same_pair_at_once_make_one(make_app, engine, bearer):
    clients = [make_app().test_client() for _ in range(2)]

    def allocate(n):
        return clients[n % 2].post(f"{API}/allocations", headers=bearer(), json=MARED).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = sorted(pool.map(allocate, range(4)))
    assert answers == [201, 409, 409, 409]
    assert count(engine) == 1 and len(events(engine, "moderation.moderator_allocated")) == 1
