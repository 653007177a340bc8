"""Missing or incomplete work on PostgreSQL: the nearest candidates offered, the substitute chosen with a note to
the moderator, one event with the whole sample, undo; and the refusals, which change nothing."""
from sqlalchemy import select

from sampling.adapters.orm import outbox, sample_members

from .conftest import API, submitted
from .test_sample_api import events

SAMPLE = f"{API}/centres/68101/units/7/sample"
NOTE = "The portfolio was damaged by water; the centre has written to WJEC."


def a_spread_member(client, bearer) -> str:
    listed = client.get(SAMPLE, headers=bearer()).json["candidates"]
    return next(c["candidate_number"] for c in listed if c["reason"] == "spread")


def outbox_rows(engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(outbox.c.id)).all())


def test_the_centre_chooses_the_nearest_substitute_and_one_event_carries_the_whole_sample(deliver, engine, client,
                                                                                          bearer):
    deliver(submitted(40))
    number = a_spread_member(client, bearer)
    nearest = client.get(f"{SAMPLE}/candidates/{number}/nearest", headers=bearer())
    assert nearest.status_code == 200, nearest.json
    total = int(number) - 1000 + 1
    assert nearest.json["candidate"] == {"candidate_number": number, "name": "JONES: CARYS", "total": total,
                                         "outcome": None}
    offered = nearest.json["offered"]
    assert len(offered) == 2 and offered[0]["total"] > total > offered[1]["total"]
    assert [o["side"] for o in offered] == ["higher", "lower"] and offered[0]["name"] == "JONES: CARYS"
    lower = offered[1]["candidate_number"]

    chosen = client.post(f"{SAMPLE}/candidates/{number}/substitute", headers=bearer(),
                         json={"substitute": lower, "note_to_moderator": NOTE})
    assert chosen.status_code == 201, chosen.json
    listed = chosen.json["candidates"]
    at = [c["candidate_number"] for c in listed].index(number)
    assert (listed[at]["reason"], listed[at]["work_missing"], listed[at]["note_to_moderator"]) == ("spread", True, NOTE)
    assert (listed[at + 1]["candidate_number"], listed[at + 1]["reason"], listed[at + 1]["substitute_for"]) == (
        lower, "substitute", number)
    [extended] = events(engine, "sampling.sample_extended")
    assert (extended["candidate_number"], extended["reason"], extended["version"]) == (lower, "substitute", 2)
    assert [(c["candidate_number"], c["work_missing"], c["substitute_for"]) for c in extended["candidates"]] == [
        (c["candidate_number"], c["work_missing"], c["substitute_for"]) for c in listed]
    assert len(extended["candidates"]) == 16 and outbox_rows(engine) == 2  # generated, then this one

    undone = client.delete(f"{SAMPLE}/candidates/{number}/substitute", headers=bearer())
    assert undone.status_code == 200 and len(undone.json["candidates"]) == 15
    assert not any(c["work_missing"] for c in undone.json["candidates"])
    [reduced] = events(engine, "sampling.sample_reduced")
    assert (reduced["candidate_number"], reduced["version"]) == (lower, 3)
    with engine.connect() as conn:
        assert conn.execute(select(sample_members.c.candidate_number)
                            .where(sample_members.c.work_missing.is_(True))).all() == []


def test_refusals_say_what_to_do_and_change_nothing(deliver, engine, client, bearer):
    deliver(submitted(40))
    number = a_spread_member(client, bearer)
    offered = client.get(f"{SAMPLE}/candidates/{number}/nearest", headers=bearer()).json["offered"]
    nearest = offered[0]["candidate_number"]

    def substitute(candidate=number, headers=None, **body):
        return client.post(f"{SAMPLE}/candidates/{candidate}/substitute", headers=headers or bearer(), json=body)

    refused = [
        (substitute(substitute=nearest), 422, "NOTE_MISSING", "Enter a note to the moderator"),
        (substitute(substitute=nearest, note_to_moderator="x" * 1001), 422, "NOTE_TOO_LONG", "1000 characters"),
        (substitute(substitute=nearest, note_to_moderator="Lost\x00"), 422, "NOTE_UNREADABLE", "Type the note again"),
        (substitute(substitute="9999", note_to_moderator=NOTE), 422, "SUBSTITUTE_NOT_OFFERED",
         "Choose one of the candidates offered"),
        (substitute(substitute="1000", note_to_moderator=NOTE), 422, "SUBSTITUTE_NOT_OFFERED", "nearest higher"),
        (substitute(candidate="9999", substitute=nearest, note_to_moderator=NOTE), 404, "NOT_IN_SAMPLE",
         "not in the sample"),
        (substitute(substitute=nearest, note_to_moderator=NOTE, headers=bearer("board_staff", centres=())), 403,
         "READ_ONLY", "Board staff can see samples but not change them."),
        (substitute(substitute=nearest, note_to_moderator=NOTE, headers=bearer(centres=("68102",))), 404,
         "SAMPLE_NOT_FOUND", "There is no sample"),
        (client.delete(f"{SAMPLE}/candidates/{number}/substitute", headers=bearer()), 404, "NO_SUBSTITUTE",
         "No substitute has been chosen"),
    ]
    for response, status, code, words in refused:
        assert (response.status_code, response.json["code"]) == (status, code), response.json
        assert words in response.json["message"]
    garbled = substitute(substitute="12a", note_to_moderator=NOTE)
    assert garbled.status_code == 422 and garbled.json["errors"]["json"]["substitute"] == [
        "Enter the candidate number: up to four digits."]
    assert substitute(note_to_moderator=NOTE).json["errors"]["json"]["substitute"] == [
        "Choose the substitute: the nearest higher or lower candidate with complete work."]
    assert outbox_rows(engine) == 1  # only the sample's own generation
    assert not any(c["work_missing"] for c in client.get(SAMPLE, headers=bearer()).json["candidates"])


def test_a_substitute_cannot_be_given_a_substitute_nor_a_candidate_the_centre_added(deliver, client, bearer):
    deliver(submitted(40))
    number = a_spread_member(client, bearer)
    nearest = client.get(f"{SAMPLE}/candidates/{number}/nearest", headers=bearer()).json["offered"][0]
    client.post(f"{SAMPLE}/candidates/{number}/substitute", headers=bearer(),
                json={"substitute": nearest["candidate_number"], "note_to_moderator": NOTE})
    again = client.get(f"{SAMPLE}/candidates/{nearest['candidate_number']}/nearest", headers=bearer())
    assert (again.status_code, again.json["code"]) == (409, "IS_SUBSTITUTE")
    twice = client.get(f"{SAMPLE}/candidates/{number}/nearest", headers=bearer())
    assert (twice.status_code, twice.json["code"]) == (409, "ALREADY_SUBSTITUTED")
    listed = {c["candidate_number"] for c in client.get(SAMPLE, headers=bearer()).json["candidates"]}
    free = next(f"{1000 + n}" for n in range(1, 40) if f"{1000 + n}" not in listed)
    client.post(f"{SAMPLE}/candidates", headers=bearer(), json={"candidate_number": free})
    added = client.get(f"{SAMPLE}/candidates/{free}/nearest", headers=bearer())
    assert (added.status_code, added.json["code"]) == (409, "ADDED_BY_CENTRE")
