"""The centre's explanatory note to the moderator, and the list of evidence a moderator or board staff sees."""
from .others_events import allocated, sample, submitted

NOTE = "/centres/68101/units/3/note"


def test_the_centre_writes_a_note_to_the_moderator_and_an_empty_one_clears_it(browser, teacher, moderator, deliver,
                                                                              submitted_unit):
    text = "Candidate 0003's portfolio is incomplete: 0004 was sent instead.\nYn gywir, Tomos"
    saved = browser.call("PUT", NOTE, teacher, json={"text": text})
    assert saved.status_code == 200
    assert (saved.json["text"], saved.json["updated_by"]) == (text, "Tomos Jones")
    deliver(allocated())
    assert browser.call("GET", "/centres/68101/units/3/evidence", moderator).json["note"] == saved.json

    assert browser.call("PUT", NOTE, teacher, json={"text": ""}).status_code == 200
    assert browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["note"] is None


def test_a_note_over_5000_characters_is_refused_and_the_one_saved_stays(browser, teacher, submitted_unit):
    browser.call("PUT", NOTE, teacher, json={"text": "kept"})
    refused = browser.call("PUT", NOTE, teacher, json={"text": "x" * 5001})
    assert refused.status_code == 422 and refused.json["code"] == "NOTE_TOO_LONG"
    assert browser.call("GET", "/centres/68101/units/3/evidence", teacher).json["note"]["text"] == "kept"
    assert browser.call("PUT", NOTE, teacher, json={"text": "x" * 5000}).status_code == 200


def test_no_note_before_the_marksheet_is_submitted(browser, teacher):
    refused = browser.call("PUT", NOTE, teacher, json={"text": "too early"})
    assert refused.status_code == 409 and refused.json["code"] == "NOT_SUBMITTED"


def test_a_moderator_sees_the_upload_units_of_their_centres_and_board_staff_every_centre(browser, teacher, staff,
                                                                                         moderator, bearer, deliver):
    deliver(submitted(), sample(1, {"0001": "highest"}),
            submitted(unit_id=4, code="3700U1", evidence_upload=False),
            submitted(unit_id=3, centre="68102"), allocated("68101"), allocated("68103"))
    browser.upload(teacher, b"one file")
    mine = browser.call("GET", "/allocated", moderator).json["centres"]
    assert mine == [{"centre": "68101", "units": [{"unit_id": 3, "unit_code": "3653U1",
                                                    "unit_title": "ART & DESIGN TEXTILE DESIGN",
                                                    "series": "GCSE JUNE 2025", "deadline": "2027-05-15",
                                                    "files": 1}]},
                    {"centre": "68103", "units": []}]
    every = browser.call("GET", "/allocated", staff).json["centres"]
    assert [(c["centre"], [u["unit_code"] for u in c["units"]]) for c in every] == [
        ("68101", ["3653U1"]), ("68102", ["3653U1"])]
    other = bearer("moderator", centres=(), permissions=(), email="someone.else@board.example")
    assert browser.call("GET", "/allocated", other).json["centres"] == []
    refused = browser.call("GET", "/allocated", teacher)
    assert refused.status_code == 403 and refused.json["code"] == "PERMISSION_MISSING"
