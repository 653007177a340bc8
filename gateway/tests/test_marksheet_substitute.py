"""Missing or incomplete work on the submitted marksheet: the nearest candidates with complete work offered, the
substitute chosen with a note to the moderator, both rows explained, undo; refusals in the error summary."""
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of

CENTRE = "68101"
SYSTEM = {"3311": "highest", "1054": "lowest", "3305": "spread", "3308": "teacher"}
NOTE = "The portfolio was damaged by water. The centre has written to WJEC."


@pytest.fixture
def submitted(marks, sampling):
    """The guide's 13 candidates with totals 2, 4, … 26 in the order listed; 3310 absent."""
    unit = samples.oracy(marks)
    samples.complete_marks(marks, unit)
    for n, state in enumerate(marks.entries[(str(unit["id"]), CENTRE)].values()):
        state["task_marks"] = {"Task 1": n + 1, "Task 2": n + 1}
    marks.state(unit, CENTRE, 3310).update(status="absent", task_marks={})
    marks.submitted[(str(unit["id"]), CENTRE)] = "2025-11-01T10:00:00+00:00"
    sampling.generate(unit, CENTRE, SYSTEM)
    return unit


def row_text(html: str, number: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", re.search(rf'<tr data-candidate="{number}">(.*?)</tr>', html, re.S)
                           .group(1)).split())


def missing_url(unit, number="3305", query="") -> str:
    return f"/iamis/units/{unit['id']}/sample/{number}/missing{query}"


def test_each_system_choice_offers_work_missing_or_incomplete(teacher_browser, submitted):
    html = teacher_browser.get(f"/iamis/units/{submitted['id']}?show=all&rows=all").get_data(as_text=True)
    links = re.findall(r'<a href="([^"]+/missing[^"]*)">Work missing or incomplete<span class="visually-hidden"> '
                       r'\(candidate (\d{4})\)</span></a>', html)
    assert sorted(number for _, number in links) == sorted(SYSTEM)
    assert (missing_url(submitted, "3305", "?rows=all"), "3305") in [(u.replace("&amp;", "&"), n) for u, n in links]


def test_the_page_offers_the_nearest_higher_and_lower_with_complete_work(teacher_browser, submitted):
    page = text_of(teacher_browser.get(missing_url(submitted)))
    assert "Work missing or incomplete: candidate 3305" in page
    assert "3305 HUGHES: OSIAN" in page and "Total 14" in page
    # 3304 (12) and 3306 (16) are the neighbours; none of them is in the sample
    assert "3306 LEWIS: ELIN, total 16 (nearest higher)" in page
    assert "3304 ROBERTS: FFION, total 12 (nearest lower)" in page
    assert "Note to the moderator" in page and "CHOOSE SUBSTITUTE" in page


def test_candidates_in_the_sample_or_absent_are_skipped(teacher_browser, submitted):
    page = text_of(teacher_browser.get(missing_url(submitted, "3311")))  # the highest, 26; 3310 (24) is absent
    assert "3309 PRICE: IWAN, total 22 (nearest lower)" in page and "nearest higher" not in page
    teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add", {"candidate_number": "3306"})
    page = text_of(teacher_browser.get(missing_url(submitted)))
    assert "3307 MORGAN: GETHIN, total 18 (nearest higher)" in page and "LEWIS: ELIN" not in page


def test_choosing_the_substitute_shows_both_rows_explained_and_undo_puts_it_back(teacher_browser, submitted, sampling):
    response = teacher_browser.post(missing_url(submitted, query="?show=samples"),
                                {"substitute": "3306", "note_to_moderator": f"  {NOTE} "})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/iamis/units/{submitted['id']}?show=samples"
    assert sampling.substitutes[(str(submitted["id"]), CENTRE)] == {"3305": ("3306", NOTE)}
    shown = teacher_browser.get(response.headers["Location"])
    html = shown.get_data(as_text=True)
    assert "Candidate 3306 is now in the sample as the substitute for candidate 3305." in text_of(shown)
    assert "Yes Chosen by the system: spread of marks Work missing: substitute 3306" in row_text(html, "3305")
    assert "Undo the substitute for 3305" in row_text(html, "3305")
    assert "Yes Substitute for 3305" in row_text(html, "3306") and "Remove" not in row_text(html, "3306")
    assert "Work missing or incomplete" not in row_text(html, "3305") + row_text(html, "3306")

    undone = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/undo-substitute?show=samples",
                              {"candidate_number": "3305"})
    assert undone.status_code == 302
    page = teacher_browser.get(undone.headers["Location"])
    assert "The substitute for candidate 3305 has been taken out" in text_of(page)
    assert sampling.samples[(str(submitted["id"]), CENTRE)] == SYSTEM
    assert "Work missing: substitute" not in text_of(page)


def test_a_missing_or_forged_choice_or_note_is_summarised_and_changes_nothing(teacher_browser, submitted, sampling):
    response = teacher_browser.post(missing_url(submitted), {"note_to_moderator": "   "})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert '<a href="#substitute-3306">Choose the substitute: the nearest higher or lower candidate with complete ' \
           'work</a>' in summary
    assert '<a href="#note_to_moderator">Enter a note to the moderator explaining why the work is missing or ' \
           'incomplete</a>' in summary
    assert 'id="substitute-3306"' in html and 'id="note_to_moderator"' in html and "<title>Error:" in html
    forged = teacher_browser.post(missing_url(submitted), {"substitute": "3311", "note_to_moderator": NOTE})
    assert forged.status_code == 422 and "Choose the substitute" in text_of(forged)
    too_long = teacher_browser.post(missing_url(submitted), {"substitute": "3304", "note_to_moderator": "x" * 1001})
    assert too_long.status_code == 422 and "must be 1000 characters or fewer" in text_of(too_long)
    assert 'value="3304" checked' in too_long.get_data(as_text=True)
    assert sampling.substitutes.get((str(submitted["id"]), CENTRE), {}) == {}


def test_the_substitution_in_welsh(browser, identity, submitted, sampling):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.sign_in("athro@ysgol.example")
    page = text_of(browser.post(missing_url(submitted), {"note_to_moderator": ""}))
    assert "Gwaith ar goll neu'n anghyflawn: ymgeisydd 3305" in page
    assert "DEWIS AMNEWIDYN" in page and "Rhowch nodyn i'r cymedrolwr" in page
    assert "cyfanswm 16 (yr uwch agosaf)" in page
    chosen = browser.post(missing_url(submitted), {"substitute": "3304", "note_to_moderator": NOTE})
    html = browser.get(chosen.headers["Location"]).get_data(as_text=True)
    assert "Gwaith ar goll: amnewidyn 3304" in row_text(html, "3305")
    assert "Amnewidyn ar gyfer 3305" in row_text(html, "3304")
