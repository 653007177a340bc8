"""The explanatory note to the moderator under the marksheet: saved as written, cleared when left empty, too
long refused with the text kept, board staff only read it; in English and Welsh."""
import re

import pytest

from gateway.testing import text_of
from gateway.testing.evidence_pages import CENTRE, error_summary, submit, upload_unit

SYSTEM = {"1054": "highest", "3268": "lowest"}


pytestmark = pytest.mark.usefixtures("evidence")  # every page here talks to the evidence service


@pytest.fixture
def unit(marks, sampling, evidence):
    return submit(upload_unit(marks, count=4), marks, sampling, evidence, SYSTEM)


def test_the_note_to_the_moderator_is_saved_and_shown_again(teacher_browser, unit, evidence):
    text = "Candidate 3268's work was lost; 3301, the nearest with complete work, is sent instead."
    response = teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/note?show=samples", {"text": text})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/iamis/units/{unit['id']}?show=samples#evidence-note"
    assert evidence.calls[-1] == ("PUT", f"/centres/{CENTRE}/units/{unit['id']}/note", {"text": text})
    shown = teacher_browser.get(f"/iamis/units/{unit['id']}?show=samples")
    html = shown.get_data(as_text=True)
    assert "Your note to the moderator has been saved." in text_of(shown)
    assert re.search(r'<textarea[^>]*id="evidence-note-text"[^>]*>([^<]*)</textarea>', html).group(1) == \
        "Candidate 3268&#39;s work was lost; 3301, the nearest with complete work, is sent instead."
    assert "Last saved 02/06/2025 15:30 by Sam Jones" in text_of(shown)


def test_the_note_is_kept_as_written_with_its_spaces_and_lines(teacher_browser, unit, evidence):
    text = "  Sample as chosen, except:\r\n    - 3268 for 1054\r\n\r\n"
    teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/note", {"text": text})
    assert evidence.calls[-1][2] == {"text": "  Sample as chosen, except:\n    - 3268 for 1054\n\n"}
    assert evidence.units[(str(unit["id"]), CENTRE)]["note"]["text"].startswith("  Sample as chosen")


def test_a_note_of_only_spaces_clears_the_note(teacher_browser, unit, evidence):
    teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/note", {"text": "Work sent by post."})
    cleared = teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/note", {"text": "  \r\n\t "})
    assert evidence.calls[-1][2] == {"text": ""}
    assert evidence.units[(str(unit["id"]), CENTRE)]["note"] is None
    assert "Your note to the moderator has been removed." in text_of(teacher_browser.get(cleared.headers["Location"]))


def test_a_note_too_long_is_refused_with_the_text_kept_and_nothing_sent(teacher_browser, unit, evidence):
    calls = len(evidence.calls)
    response = teacher_browser.post(f"/iamis/units/{unit['id']}/evidence/note", {"text": "x" * 5001})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and len(evidence.calls) == calls
    assert ('<a href="#evidence-note-text">The note to the moderator must be 5000 characters or fewer.</a>'
            in error_summary(html))
    assert 'aria-invalid="true"' in html and "x" * 5001 in html


def test_board_staff_cannot_write_the_note(browser, identity, unit, evidence):
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    page = browser.get(f"/iamis/units/{unit['id']}?centre={CENTRE}")
    assert "SAVE NOTE" not in text_of(page)
    refused = browser.post(f"/iamis/units/{unit['id']}/evidence/note?centre={CENTRE}", {"text": "Hello"})
    assert refused.status_code == 403
    assert ("Board staff and moderators can see and download the files but cannot upload, delete or change the note."
            in text_of(refused))
    assert evidence.units[(str(unit["id"]), CENTRE)]["note"] is None


def test_the_note_in_welsh(browser, identity, unit):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.sign_in("athro@ysgol.example")
    page = text_of(browser.get(f"/iamis/units/{unit['id']}"))
    assert "Nodyn esboniadol i'r cymedrolwr" in page and "CADW'R NODYN" in page


def test_before_submission_in_welsh(browser, identity, marks):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.sign_in("athro@ysgol.example")
    unit = upload_unit(marks, count=4)
    assert ("Atgoffir canolfannau i beidio ag uwchlwytho unrhyw ffeiliau nes bod marciau/canlyniadau wedi'u "
            "cyflwyno a samplau wedi'u cynhyrchu.") in text_of(browser.get(f"/iamis/units/{unit['id']}"))
