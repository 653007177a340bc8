"""A unit's sampling policy through the API on PostgreSQL: board staff set it, the sample follows it."""
from sqlalchemy import select

from sampling.adapters.orm import samples

from .conftest import API, submitted

POLICY = f"{API}/units/7/policy"
DEFAULT = {"bands": [{"up_to": 15, "size": None}, {"up_to": 100, "size": 15}, {"up_to": 200, "size": 20}],
           "over": 25}


def test_the_default_shows_until_board_staff_set_the_units_own_bands(deliver, engine, client, bearer):
    staff = bearer("board_staff", centres=())
    shown = client.get(POLICY, headers=bearer())
    assert shown.status_code == 200 and shown.json == {**DEFAULT, "unit_id": 7, "default": True, "set_by": None,
                                                       "set_at": None}
    custom = {"bands": [{"up_to": 10, "size": None}, {"up_to": 50, "size": 8}], "over": 12}
    put = client.put(POLICY, headers=staff, json=custom)
    assert put.status_code == 200, put.json
    assert {k: put.json[k] for k in ("bands", "over", "default")} == {**custom, "default": False}
    assert client.get(POLICY, headers=staff).json["set_at"]
    changed = client.put(POLICY, headers=staff, json={**custom, "over": 14})
    assert changed.json["over"] == 14 and client.get(POLICY, headers=staff).json["over"] == 14

    deliver(submitted(40))  # 40 with a mark: band up to 50 gives 8
    sample = client.get(f"{API}/centres/68101/units/7/sample", headers=bearer()).json
    assert len(sample["candidates"]) == 8
    with engine.connect() as conn:
        assert conn.execute(select(samples.c.policy)).scalar_one() == "unit"

    reset = client.delete(POLICY, headers=staff)
    assert reset.status_code == 200 and reset.json["default"] and client.get(POLICY, headers=staff).json["default"]
    deliver(submitted(40, unit_id=8, submission_id="sub-2"))
    assert len(client.get(f"{API}/centres/68101/units/8/sample", headers=bearer()).json["candidates"]) == 15


def test_bad_policies_are_refused_with_what_to_correct_and_change_nothing(client, bearer):
    staff = bearer("board_staff", centres=())
    refusals = [
        ({"bands": [{"up_to": 100, "size": 15}, {"up_to": 50, "size": 10}], "over": 25}, "POLICY_INVALID",
         "Band 2: 'up to' (50) must be more than the band before it (100)"),
        ({"bands": [{"up_to": 15, "size": 1}], "over": 25}, "POLICY_INVALID", "Band 1: the sample size must be 2"),
        ({"bands": [], "over": 25}, "POLICY_INVALID", "Enter at least one band"),
        ({"bands": [{"up_to": "lots", "size": 3}], "over": 25}, "UNPROCESSABLE_ENTITY", "not valid"),
        ({"bands": [{"up_to": 15}], "over": 25}, "UNPROCESSABLE_ENTITY", "not valid"),
        ({"bands": [{"up_to": 15, "size": None}], "over": 10 ** 12}, "POLICY_INVALID", "9999 or fewer"),
    ]
    for body, code, words in refusals:
        refused = client.put(POLICY, headers=staff, json=body)
        assert (refused.status_code, refused.json["code"]) == (422, code), refused.json
        assert words in refused.json["message"]
    no_such_unit = client.put(f"{API}/units/{2 ** 31}/policy", headers=staff, json=DEFAULT)
    assert no_such_unit.status_code == 404
    teacher = client.put(POLICY, headers=bearer(), json=DEFAULT)
    assert (teacher.status_code, teacher.json["code"]) == (403, "BOARD_STAFF_ONLY")
    assert client.get(POLICY, headers=staff).json["default"]
    no_permission = client.get(POLICY, headers=bearer(permissions=()))
    assert no_permission.status_code == 403
