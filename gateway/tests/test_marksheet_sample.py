"""The sample on a submitted marksheet: ticks with reasons, adding candidates, and the system's choices kept."""
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of

CENTRE = "68101"
SYSTEM = {"1054": "highest", "3268": "lowest", "3301": "spread", "3302": "teacher"}


@pytest.fixture
def submitted(marks, sampling):
    unit = samples.oracy(marks, count=20)
    samples.complete_marks(marks, unit)
    marks.state(unit, CENTRE, 3311).update(status="absent", task_marks={})
    marks.submitted[(str(unit["id"]), CENTRE)] = "2025-11-01T10:00:00+00:00"
    sampling.generate(unit, CENTRE, SYSTEM)
    return unit


def row_of(html: str, number: str) -> str:
    return re.search(rf'<tr data-candidate="{number}">(.*?)</tr>', html, re.S).group(1)


def buttons(html: str) -> list[str]:
    return re.findall(r'<button type="submit" class="button button--secondary sample-form__button">([^<]*)</button>',
                      html)


def test_show_samples_lists_the_ticks_with_the_reason_each_is_in(teacher_browser, submitted):
    response = teacher_browser.get(f"/iamis/units/{submitted['id']}?show=samples")
    page = text_of(response)
    for number, words in (("1054", "Chosen by the system: highest"), ("3268", "Chosen by the system: lowest"),
                          ("3301", "Chosen by the system: spread of marks"),
                          ("3302", "Chosen by the system: teacher represented")):
        assert re.search(rf"{number} \S+ \S+ .*?Yes {words}", page), number
    assert "3303" not in page
    assert "Remove" not in page  # every member is a system choice


def test_show_all_offers_to_add_each_candidate_with_work(teacher_browser, submitted):
    html = teacher_browser.get(f"/iamis/units/{submitted['id']}?show=all&rows=all").get_data(as_text=True)
    offered = buttons(html)
    assert "Add 3303 to the sample" in offered and "Add 4006 to the sample" in offered
    assert "Add 3311 to the sample" not in offered  # absent: no work to moderate
    assert not [text for text in offered if "1054" in text or "Remove" in text]
    assert f'action="/iamis/units/{submitted["id"]}/sample/add?rows=all"' in row_of(html, "3303")
    assert 'name="csrf_token"' in row_of(html, "3303")


def test_adding_a_candidate_returns_to_the_marksheet_with_a_notice(teacher_browser, submitted, sampling):
    response = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add?show=all&rows=all",
                                {"candidate_number": "3303"})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/iamis/units/{submitted['id']}?rows=all"
    assert sampling.calls[-1] == ("POST", f"/centres/{CENTRE}/units/{submitted['id']}/sample/candidates",
                                  {"candidate_number": "3303"})
    shown = teacher_browser.get(response.headers["Location"])
    page, html = text_of(shown), shown.get_data(as_text=True)
    assert "Candidate 3303 has been added to the sample." in page
    assert "Yes Added by the centre" in text_of_html(row_of(html, "3303"))
    assert "Remove 3303 from the sample" in buttons(html)
    assert len(re.findall(r"<tr data-candidate", teacher_browser.get(
        f"/iamis/units/{submitted['id']}?show=samples").get_data(as_text=True))) == 5


def test_the_centre_can_remove_a_candidate_it_added(teacher_browser, submitted, sampling):
    teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add", {"candidate_number": "3303"})
    response = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/remove?show=all",
                                {"candidate_number": "3303"})
    assert sampling.samples[(str(submitted["id"]), CENTRE)] == SYSTEM
    page = text_of(teacher_browser.get(response.headers["Location"]))
    assert "Candidate 3303 has been removed from the sample." in page
    assert "Add 3303 to the sample" in page


def test_a_forged_removal_of_a_system_choice_is_refused_with_the_reason(teacher_browser, submitted, sampling):
    response = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/remove", {"candidate_number": "1054"})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', html, re.S).group(0)
    assert "There is a problem" in summary and "You cannot remove candidates chosen by the system" in summary
    assert "<title>Error:" in html
    assert sampling.samples[(str(submitted["id"]), CENTRE)] == SYSTEM


def test_adding_someone_twice_or_a_bad_number_changes_nothing(teacher_browser, submitted, sampling):
    twice = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add", {"candidate_number": "1054"})
    assert twice.status_code == 409 and "This candidate is already in the sample." in text_of(twice)
    absent = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add", {"candidate_number": "3311"})
    assert absent.status_code == 422 and "this candidate is absent or carried forward" in text_of(absent)
    calls = len(sampling.calls)
    bad = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add", {"candidate_number": "12a"})
    assert bad.status_code == 422 and "the candidate number is up to four digits" in text_of(bad)
    assert len(sampling.calls) == calls + 1  # only the page's own read of the sample
    assert sampling.samples[(str(submitted["id"]), CENTRE)] == SYSTEM


def test_board_staff_see_the_reasons_but_no_controls(browser, identity, submitted, sampling):
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    response = browser.get(f"/iamis/units/{submitted['id']}?centre={CENTRE}&show=all")
    assert "Chosen by the system: highest" in text_of(response) and not buttons(response.get_data(as_text=True))
    refused = browser.post(f"/iamis/units/{submitted['id']}/sample/add?centre={CENTRE}", {"candidate_number": "3303"})
    assert refused.status_code == 403 and "Board staff can see samples but not change them." in text_of(refused)
    assert sampling.samples[(str(submitted["id"]), CENTRE)] == SYSTEM


def test_while_sampling_is_down_the_ticks_still_show_without_controls(teacher_browser, submitted, sampling):
    sampling.reachable = False
    response = teacher_browser.get(f"/iamis/units/{submitted['id']}?show=all")
    assert "Yes" in text_of_html(row_of(response.get_data(as_text=True), "1054"))
    assert not buttons(response.get_data(as_text=True))
    refused = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add", {"candidate_number": "3303"})
    assert refused.status_code == 503 and "The sample cannot be changed at the moment." in text_of(refused)


def test_before_submission_there_is_no_sample_to_change(teacher_browser, marks, sampling):
    unit = samples.oracy(marks)
    html = teacher_browser.get(f"/iamis/units/{unit['id']}?show=all").get_data(as_text=True)
    assert not buttons(html) and not sampling.calls


def test_the_sample_in_welsh(browser, identity, submitted):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.sign_in("athro@ysgol.example")
    html = browser.get(f"/iamis/units/{submitted['id']}?show=all&rows=all").get_data(as_text=True)
    assert "Ychwanegu 3303 at y sampl" in buttons(html)
    refused = browser.post(f"/iamis/units/{submitted['id']}/sample/remove", {"candidate_number": "1054"})
    assert "Ni allwch dynnu ymgeiswyr a ddewiswyd gan y system" in text_of(refused)


def text_of_html(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
