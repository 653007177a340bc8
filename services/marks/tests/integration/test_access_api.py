"""Every marks endpoint: another centre's user sees nothing (404, as for a unit that does not exist),
a user without IAMIS is refused (403), anonymous callers are asked to sign in (401), board staff only read."""
import io

import pytest

from .conftest import API

CSV = "candidate_number,Task 1,Task 2,initials\n1054,1,1,AB\n"


def centre_calls(unit_id, centre="68101", candidate="1054"):
    unit = f"{API}/centres/{centre}/units/{unit_id}"
    return [
        ("get", f"{unit}/marksheet", {}),
        ("patch", f"{unit}/candidates/{candidate}", {"json": {"field": "task:Task 1", "value": "1", "previous": ""}}),
        ("post", f"{unit}/import", {"data": {"file": (io.BytesIO(CSV.encode()), "marks.csv")}}),
        ("get", f"{unit}/export.csv", {}),
        ("post", f"{unit}/submit", {}),
    ]


def call(client, method, path, kwargs, headers):
    kwargs = {k: ({"file": (io.BytesIO(CSV.encode()), "marks.csv")} if k == "data" else v) for k, v in kwargs.items()}
    return getattr(client, method)(path, headers=headers, **kwargs)


def test_another_centres_unit_is_indistinguishable_from_one_that_does_not_exist(client, oracy, criminology,
                                                                              bearer, sql):
    other = bearer(centres=("68102",), sub="teacher-68102")
    missing = [call(client, m, p, k, other).json for m, p, k in centre_calls(99999, "68102")]
    assert {r["code"] for r in missing} == {"UNIT_NOT_FOUND"}
    # 68101's marksheet by 68101's path, and a unit only 68101 has entries for by 68102's own path
    for calls in (centre_calls(oracy, "68101"), centre_calls(criminology, "68102", "3007")):
        for (method, path, kwargs), expected in zip(calls, missing):
            response = call(client, method, path, kwargs, other)
            assert (response.status_code, response.json) == (404, expected), path
    assert client.get(f"{API}/centres/68101/units", headers=other).status_code == 404
    assert client.get(f"{API}/centres/68101/audit", headers=bearer("exams_officer", centres=("68102",))
                      ).json["code"] == "CENTRE_NOT_FOUND"
    assert client.patch(f"{API}/centres/68102/units/{oracy}/candidates/1054", headers=other, json={
        "field": "task:Task 1", "value": "1", "previous": ""}).json["code"] == "CANDIDATE_NOT_FOUND"
    assert sql("SELECT count(*) FROM marks WHERE status <> 'unmarked'") == [(0,)]


@pytest.mark.parametrize("who", [{"permissions": ("entries_results",)}, {"account_type": "moderator",
                                                                         "centres": ()}])
def test_without_iamis_every_centre_endpoint_is_refused(client, oracy, bearer, who):
    headers = bearer(**who)
    calls = centre_calls(oracy) + [("get", f"{API}/centres/68101/units", {}), ("get", f"{API}/centres/68101/audit", {})]
    for method, path, kwargs in calls:
        assert call(client, method, path, kwargs, headers).status_code == 403, path


def test_anonymous_and_forged_callers_are_asked_to_sign_in(client, oracy):
    board = [("get", f"{API}/series", {}), ("post", f"{API}/series", {"json": {}}),
             ("post", f"{API}/units/{oracy}/entries", {"json": {"entries": []}}),
             ("get", f"{API}/units/{oracy}/centres", {})]
    for method, path, kwargs in centre_calls(oracy) + board + [("get", f"{API}/centres/68101/units", {})]:
        for headers in ({}, {"Authorization": "Bearer not-a-token"}):
            response = call(client, method, path, kwargs, headers)
            assert response.status_code == 401 and response.json["code"].startswith("TOKEN_"), path


def test_board_staff_read_every_centre_but_write_nothing(client, oracy, staff, sql):
    for method, path, kwargs in centre_calls(oracy, "68102", "2003"):
        response = call(client, method, path, kwargs, staff)
        expected = (200, None) if method == "get" else (403, "READ_ONLY")
        assert (response.status_code, response.json and response.json.get("code")) == expected, path
    assert client.get(f"{API}/centres/68102/units", headers=staff).json["series"][0]["units"][0]["entries"] == 1
    assert client.get(f"{API}/centres/68102/audit", headers=staff).status_code == 200
    assert sql("SELECT count(*) FROM submissions") == [(0,)]


def test_the_board_endpoints_are_for_board_staff_only(client, oracy, teacher, bearer):
    officer = bearer("exams_officer")
    for headers in (teacher, officer):
        assert client.get(f"{API}/series", headers=headers).status_code == 403
        assert client.post(f"{API}/units/{oracy}/entries", headers=headers,
                           json={"entries": []}).status_code == 403
        assert client.get(f"{API}/units/{oracy}/centres", headers=headers).status_code == 403


def test_officers_and_admins_without_the_explicit_permission_may_enter_marks(client, oracy, bearer):
    for account_type in ("exams_officer", "admin"):
        headers = bearer(account_type, permissions=())
        assert client.get(f"{API}/centres/68101/units/{oracy}/marksheet", headers=headers).status_code == 200
    assert client.get(f"{API}/centres/68101/audit", headers=bearer("admin", permissions=())).status_code == 200
