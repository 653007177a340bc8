"""Moderation → Evidence: a moderator sees the units of the centres allocated to them and, per unit, the
sampled candidates with their files to download, and the centre's note; read-only; English and Welsh."""
import re

import pytest

from gateway.testing import text_of
from gateway.testing.fake_moderator_evidence import FakeModeratorEvidence

CENTRE, OTHER = "68101", "68102"
UNIT = {"unit_id": 7, "unit_code": "3653U1", "unit_title": "ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO",
        "series": "GCSE JUNE 2025", "deadline": "2027-05-31", "group_upload": True}
SAMPLE = [{"candidate_number": "1054", "reason": "highest"}, {"candidate_number": "3268", "reason": "lowest"},
          {"candidate_number": "1018", "reason": "centre-added"}]


def stored(file_id, number, filename, size, at="2026-05-01T09:30:00+00:00"):
    return {"file_id": file_id, "candidate_number": number, "filename": filename, "size": size,
            "content_type": "application/pdf", "uploaded_at": at, "uploaded_by": {"user_id": "t-1", "name": "Tomos"},
            "download_url": f"/api/evidence/v1/files/{file_id}/download"}


FILES = [stored("f-1", "1054", "portfolio 1054.pdf", 2_516_582), stored("f-2", "1054", "sketchbook.jpg", 512),
         stored("f-3", None, "group recording.mp3", 3 * 1024 ** 3), stored("f-4", "4006", "taken out.pdf", 2048)]
NOTE = {"text": "Candidate 3268 was ill:\nher second piece is missing.", "updated_at": "2026-05-02T15:04:00+00:00",
        "updated_by": "Eleri Evans"}


pytestmark = pytest.mark.usefixtures("evidence", "moderation")  # every page here talks to both services


@pytest.fixture
def evidence(token_keys):
    fake = FakeModeratorEvidence(token_keys[1])
    fake.add_unit(CENTRE, UNIT, SAMPLE, FILES, NOTE)
    fake.add_unit(OTHER, dict(UNIT, unit_id=9, unit_code="3700U1"), SAMPLE[:1], [stored("f-9", "1054", "x.pdf", 9)])
    fake.allocations.add((CENTRE, "moderator@board.example"))
    return fake


@pytest.fixture
def moderator(browser, identity):
    identity.add_user("moderator@board.example", name="Mared Hughes", account_type="moderator", centres=[],
                      permissions=["iamis"])
    browser.sign_in("moderator@board.example")
    return browser


def unit_path(centre=CENTRE, unit_id=7):
    return f"/moderation/evidence/{centre}/units/{unit_id}"


def test_the_menu_opens_on_moderation_for_a_moderator_with_the_evidence_link(moderator):
    html = moderator.get("/menu").get_data(as_text=True)
    assert re.search(r'aria-current="page">Moderation</a>', html)
    assert '<a href="/moderation/evidence">Evidence</a>' in html


def test_board_staff_see_every_centre_under_moderation_and_teachers_are_refused(browser, identity, teacher):
    browser.sign_in(teacher["email"])
    assert "Moderation" not in text_of(browser.get("/menu"))
    assert browser.get("/moderation/evidence").status_code == 403
    identity.add_user("staff@board.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@board.example")
    html = browser.get("/menu?section=moderation").get_data(as_text=True)
    assert '<a href="/moderation/evidence">Evidence</a>' in html
    listing = text_of(browser.get("/moderation/evidence"))
    assert "The sample work every centre has uploaded" in listing and "Centre 68101" in listing
    assert "Centre 68102" in listing and "x.pdf" in text_of(browser.get(unit_path(OTHER, 9)))


def test_the_evidence_page_lists_only_the_allocated_centres_units(moderator):
    response = moderator.get("/moderation/evidence")
    page, html = text_of(response), response.get_data(as_text=True)
    assert response.status_code == 200
    assert ("Centre 68101 Submitted units of centre 68101 that take uploads Unit Series Deadline for submission of "
            "samples and cover sheets to moderator Files ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO (3653U1) "
            "GCSE JUNE 2025 31/05/2027 4") in page
    assert f'href="{unit_path()}"' in html
    assert "68102" not in page and "3700U1" not in page


def test_the_unit_page_lists_the_sample_with_each_file_to_download_and_the_note(moderator):
    response = moderator.get(unit_path())
    html, page = response.get_data(as_text=True), text_of(response)
    assert response.status_code == 200
    assert "GCSE JUNE 2025 ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO (3653U1)" in page
    assert "Deadline for submission of samples and cover sheets to moderator: 31/05/2027" in page
    assert ("Explanatory note to the moderator Candidate 3268 was ill: her second piece is missing. "
            "Written by Eleri Evans, 02/05/2026 16:04") in page
    first = re.search(r'<tr data-candidate="1054">(.*?)</tr>', html, re.S).group(1)
    assert ("1054 Chosen by the system: highest portfolio 1054.pdf 2.4 MB, uploaded 01/05/2026 10:30 "
            "Download portfolio 1054.pdf sketchbook.jpg 512 bytes") in " ".join(re.sub(r"<[^>]+>", " ", first).split())
    assert '<a class="evidence-file__download" href="/api/evidence/v1/files/f-1/download">' in first
    assert "3268 Chosen by the system: lowest No files uploaded yet" in page
    assert "1018 Added by the centre No files uploaded yet" in page
    assert "4006 Not in the sample now taken out.pdf" in page
    assert "Group files group recording.mp3 3 GB, uploaded 01/05/2026 10:30 Download group recording.mp3" in page
    assert "<caption" in html and not re.search(r"<(form|input|button)[^>]*(upload|delete)", html, re.I)
    assert "Delete" not in page and "Upload" not in page


def test_a_centre_not_allocated_to_the_moderator_is_not_found(moderator, evidence):
    response = moderator.get(unit_path(OTHER, 9))
    assert response.status_code == 404 and "Page not found" in text_of(response)
    assert evidence.calls[-1] == ("GET", "/centres/68102/units/9/evidence")
    assert moderator.get(unit_path("6810x", 7)).status_code == 404
    assert moderator.get(unit_path(CENTRE, 99)).status_code == 404


def test_a_download_address_that_is_not_the_evidence_service_is_not_linked(moderator, evidence):
    evidence.units[(CENTRE, "7")]["files"] = [dict(FILES[0], download_url="https://elsewhere.example/f-1")]
    html = moderator.get(unit_path()).get_data(as_text=True)
    assert "portfolio 1054.pdf" in html and "elsewhere.example" not in html


def test_refusals_and_outages_say_what_happened(moderator, evidence):
    evidence.refusals[(CENTRE, "7")] = (409, "NOT_SUBMITTED")
    refused = moderator.get(unit_path())
    assert refused.status_code == 409
    assert "The centre has not submitted the marks for this unit yet" in text_of(refused)
    evidence.reachable = False
    for path in ("/moderation/evidence", unit_path()):
        down = moderator.get(path)
        assert down.status_code == 503 and "Sorry, evidence is not available at the moment" in text_of(down)


def test_the_pages_in_welsh(browser, identity, evidence):
    identity.add_user("moderator@board.example", account_type="moderator", centres=[], permissions=["iamis"],
                      language="cy")
    browser.sign_in("moderator@board.example")
    listing = browser.get("/moderation/evidence")
    assert '<html lang="cy">' in listing.get_data(as_text=True)
    page = text_of(listing)
    for words in ("Cymedroli", "Tystiolaeth", "Canolfan 68101", "Ffeiliau"):
        assert words in page, words
    unit = text_of(browser.get(unit_path()))
    for words in ("Nodyn esboniadol i'r cymedrolwr", "Ymgeiswyr yn y sampl a'u ffeiliau", "Rheswm",
                  "Lawrlwytho portfolio 1054.pdf", "512 beit", "Dim ffeiliau wedi'u huwchlwytho eto", "Ffeiliau grŵp"):
        assert words in unit, words
    assert "Download" not in unit and "No files uploaded yet" not in unit
