"""Moderation → Evidence, a unit whose centre marked a sampled candidate's work missing or incomplete: that
candidate's row says so with the centre's note to the moderator, and the substitute's row names whose work it
replaces; English and Welsh."""
import re

import pytest

from gateway.testing import text_of
from gateway.testing.fake_moderator_evidence import FakeModeratorEvidence

from .test_moderator_evidence import CENTRE, UNIT, stored

NOTE = "The portfolio was damaged by water:\nthe centre has written to WJEC."
SAMPLE = [
    {"candidate_number": "1054", "reason": "highest", "work_missing": True, "substitute_for": None,
     "note_to_moderator": NOTE},
    {"candidate_number": "1061", "reason": "substitute", "work_missing": False, "substitute_for": "1054",
     "note_to_moderator": None},
    {"candidate_number": "3268", "reason": "lowest", "work_missing": False, "substitute_for": None,
     "note_to_moderator": None}]


pytestmark = pytest.mark.usefixtures("evidence", "moderation")  # every page here talks to both services


@pytest.fixture
def evidence(token_keys):
    fake = FakeModeratorEvidence(token_keys[1])
    fake.add_unit(CENTRE, UNIT, SAMPLE, [stored("f-1", "1054", "first half.pdf", 2048),
                                         stored("f-2", "1061", "portfolio 1061.pdf", 4096)])
    fake.allocations.add((CENTRE, "moderator@board.example"))
    return fake


def unit_page(browser, identity, language: str):
    identity.add_user("moderator@board.example", account_type="moderator", centres=[], permissions=["iamis"],
                      language=language)
    browser.sign_in("moderator@board.example")
    return browser.get(f"/moderation/evidence/{CENTRE}/units/{UNIT['unit_id']}")


def row_text(html: str, number: str) -> str:
    row = re.search(rf'<tr data-candidate="{number}">(.*?)</tr>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", row).split())


def test_missing_work_shows_the_centres_note_and_the_substitute_whose_work_replaces_it(browser, identity):
    response = unit_page(browser, identity, "en")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<caption" in html
    assert row_text(html, "1054") == ("1054 Chosen by the system: highest Work missing or incomplete Note to the "
                                      "moderator: The portfolio was damaged by water: the centre has written to "
                                      "WJEC. first half.pdf 2 kB, uploaded 01/05/2026 10:30 Download first half.pdf")
    assert f'<p class="evidence-note">{NOTE}</p>' in html  # kept as typed, line break and all
    assert row_text(html, "1061").startswith("1061 Substitute for 1054 portfolio 1061.pdf")
    assert row_text(html, "3268") == "3268 Chosen by the system: lowest No files uploaded yet"
    assert "Work missing" not in row_text(html, "1061") + row_text(html, "3268")


def test_in_welsh(browser, identity):
    html = unit_page(browser, identity, "cy").get_data(as_text=True)
    missing = row_text(html, "1054")
    assert "Gwaith ar goll neu'n anghyflawn Nodyn i'r cymedrolwr: The portfolio was damaged by water" in missing
    assert row_text(html, "1061").startswith("1061 Amnewidyn ar gyfer 1054")
    assert "Work missing" not in html and "Substitute for" not in html


def test_a_note_the_centre_left_empty_shows_the_missing_work_without_a_note(browser, identity, evidence):
    evidence.units[(CENTRE, str(UNIT["unit_id"]))]["sample"][0]["note_to_moderator"] = None
    html = unit_page(browser, identity, "en").get_data(as_text=True)
    assert row_text(html, "1054").startswith("1054 Chosen by the system: highest Work missing or incomplete first")
    assert "Note to the moderator" not in row_text(html, "1054")
