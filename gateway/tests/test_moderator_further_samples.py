"""Moderation → Evidence → a unit: the moderator (or board staff) ticks submitted candidates not in the sample and
requests them as further samples; the page checks the ticks first, shows the moderation service's refusals in the
person's words, and confirms after a redirect; English and Welsh."""
import re

import pytest

from gateway.testing import text_of
from gateway.testing.fake_moderator_evidence import FakeModeratorEvidence

from .test_moderator_evidence import CENTRE, OTHER, SAMPLE, UNIT

PAGE = f"/moderation/evidence/{CENTRE}/units/7"
REQUEST = f"{PAGE}/further-samples"


def candidate(number, name, status="marked", total=None, initials=None, reason=None, requestable=False):
    return {"candidate_number": number, "name": name, "status": status, "total": total, "outcome": None,
            "initials": initials, "in_sample": reason is not None, "reason": reason, "requestable": requestable}


CANDIDATES = [candidate("1054", "JONES: CARYS", total=60, initials="AB", reason="highest"),
              candidate("1018", "PRICE: GWEN", total=41, initials="CD", reason="centre-added", requestable=True),
              candidate("1020", "EVANS: DEWI", total=44, initials="CD", requestable=True),
              candidate("1031", "HUGHES: ELIN", total=38, initials="AB", requestable=True),
              candidate("1040", "LEWIS: HUW", status="absent"),
              candidate("1041", "MORGAN: IFAN", status="carry_forward"),
              candidate("3268", "ROBERTS: SIAN", total=12, initials="AB", reason="lowest")]


@pytest.fixture
def evidence(token_keys):
    fake = FakeModeratorEvidence(token_keys[1])
    fake.add_unit(CENTRE, UNIT, SAMPLE)
    fake.add_unit(OTHER, dict(UNIT, unit_id=9, unit_code="3700U1"), SAMPLE[:1])
    fake.allocations.add((CENTRE, "moderator@board.example"))
    return fake


@pytest.fixture
def moderation(moderation):
    moderation.add(CENTRE, "moderator@board.example", "Mared Hughes")
    moderation.add_unit(CENTRE, dict(UNIT, kind="marks"), CANDIDATES)
    return moderation


@pytest.fixture
def moderator(browser, identity, evidence, moderation):
    identity.add_user("moderator@board.example", name="Mared Hughes", account_type="moderator", centres=[],
                      permissions=["iamis"])
    browser.sign_in("moderator@board.example")
    return browser


def section_of(response) -> str:
    html = response.get_data(as_text=True)
    return re.search(r'<section class="further-samples".*?</section>', html, re.S).group(0)


def posted(moderation) -> list:
    return [body for method, _, body in moderation.calls if method == "POST"]


def test_the_unit_page_offers_the_candidates_not_in_the_sample_and_those_the_centre_added_to_tick(moderator):
    response = moderator.get(PAGE)
    section = section_of(response)
    assert response.status_code == 200
    assert ("Request further samples Tick the candidates whose work you also want to see. The centre will see them "
            "in its sample as requested by the moderator, and upload their work. Request further samples Submitted "
            "candidates not in the sample, and those the centre added Request Candidate No Name Mark Teacher "
            "Initials Request 1018 PRICE: GWEN 1018 PRICE: GWEN (Added by the centre) 41 CD "
            "Request 1020 EVANS: DEWI 1020 EVANS: DEWI 44 CD "
            "Request 1031 HUGHES: ELIN 1031 HUGHES: ELIN 38 AB 1040 LEWIS: HUW Absent 1041 MORGAN: IFAN Carried "
            "forward REQUEST FURTHER SAMPLES") in text_of(response)
    assert re.findall(r'<label class="visually-hidden" for="(further-\d+)">([^<]+)</label>', section) == [
        ("further-1018", "Request 1018 PRICE: GWEN"), ("further-1020", "Request 1020 EVANS: DEWI"),
        ("further-1031", "Request 1031 HUGHES: ELIN")]
    assert re.findall(r'<input type="checkbox" id="(further-\d+)" name="candidate_numbers" value="(\d+)"', section) == [
        ("further-1018", "1018"), ("further-1020", "1020"), ("further-1031", "1031")]
    assert f'action="{REQUEST}"' in section and 'name="csrf_token"' in section
    assert '<button type="submit" class="button">REQUEST FURTHER SAMPLES</button>' in section
    assert "1054" not in section and "3268" not in section  # in the sample for the system's reasons


def test_requesting_further_samples_confirms_after_a_redirect(moderator, moderation):
    response = moderator.post(REQUEST, {"candidate_numbers": ["1020", "1031"]})
    assert response.status_code == 302 and response.headers["Location"] == PAGE
    assert posted(moderation) == [{"candidate_numbers": ["1020", "1031"]}]
    page = moderator.get(PAGE)
    assert ("You have requested further samples: 1020 EVANS: DEWI, 1031 HUGHES: ELIN. The centre will see them in "
            "its sample, requested by the moderator.") in text_of(page)
    assert re.search(r"Further samples requested \d\d/\d\d/\d{4} \d\d:\d\d by Mared Hughes: 1020, 1031",
                     text_of(page))
    assert "further-1020" not in section_of(page)
    assert "further-1031" not in section_of(moderator.get(PAGE))  # the confirmation is shown once


def test_board_staff_request_at_any_centre(browser, identity, evidence, moderation):
    identity.add_user("staff@board.example", name="Sian Roberts", account_type="board_staff", centres=[],
                      permissions=[])
    browser.sign_in("staff@board.example")
    assert "REQUEST FURTHER SAMPLES" in text_of(browser.get(PAGE))
    assert browser.post(REQUEST, {"candidate_numbers": ["1031"]}).status_code == 302
    assert moderation.units[(CENTRE, "7")]["requests"][0]["requested_by"]["name"] == "Sian Roberts"


def test_a_candidate_the_centre_added_after_the_page_was_read_may_still_be_requested(moderator, moderation):
    moderator.get(PAGE)
    added = moderation.units[(CENTRE, "7")]["candidates"][2]
    added.update(in_sample=True, reason="centre-added")  # the centre ticks 1020 meanwhile
    assert moderator.post(REQUEST, {"candidate_numbers": ["1020"]}).status_code == 302
    assert posted(moderation) == [{"candidate_numbers": ["1020"]}]


def test_the_section_in_welsh(browser, identity, evidence, moderation):
    identity.add_user("moderator@board.example", name="Mared Hughes", account_type="moderator", centres=[],
                      permissions=["iamis"], language="cy")
    browser.sign_in("moderator@board.example")
    page = text_of(browser.get(PAGE))
    for words in ("Gofyn am samplau ychwanegol", "Ymgeiswyr a gyflwynwyd nad ydynt yn y sampl", "Rhif Ymgeisydd",
                  "Absennol", "Wedi'i gario ymlaen", "GOFYN AM SAMPLAU YCHWANEGOL"):
        assert words in page, words
    assert browser.post(REQUEST, {"candidate_numbers": ["1020"]}).status_code == 302
    confirmed = text_of(browser.get(PAGE))
    assert "Rydych wedi gofyn am samplau ychwanegol: 1020 EVANS: DEWI." in confirmed
    assert "Samplau ychwanegol y gofynnwyd amdanynt" in confirmed
    refused = text_of(browser.post(REQUEST, {"candidate_numbers": []}))
    assert "Dewiswch o leiaf un ymgeisydd i ofyn amdano fel sampl ychwanegol" in refused
    assert "Request further samples" not in page and "Choose at least one" not in refused
