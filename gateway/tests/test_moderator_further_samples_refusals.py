"""Request further samples, refused: the page checks the ticks before sending, puts the moderation service's
refusals in the person's words, keeps the evidence showing while moderation cannot answer, and lets no one else
request; nothing is requested in any of these."""
import re

import pytest

from gateway.testing import text_of

from .test_moderator_further_samples import (CENTRE, OTHER, PAGE, REQUEST, evidence, moderation,  # noqa: F401
                                             moderator, posted, section_of)


@pytest.mark.parametrize("ticked, message", [
    ([], "Choose at least one candidate to request as a further sample"),
    (["1054"], "Candidate 1054 is already in the sample or has no work to see. Nothing was requested."),
    (["1020", "1040"], "Candidate 1040 is already in the sample or has no work to see. Nothing was requested."),
    (["9999"], "Candidate 9999 is not on the submitted marksheet for this unit. Nothing was requested."),
    ([str(n) for n in range(2000, 2051)], "Request at most 50 candidates at a time. Nothing was requested."),
])
def test_the_page_checks_the_ticks_and_sends_nothing_it_would_refuse(moderator, moderation, ticked, message):
    moderator.get(PAGE)
    response = moderator.post(REQUEST, {"candidate_numbers": ticked})
    assert response.status_code == 422
    assert f"There is a problem {message}" in text_of(response)
    html = response.get_data(as_text=True)
    assert re.search(r"<title>Error: ", html)
    # The summary leads to the choice, which says the problem again beside the ticks.
    assert re.search(r'<li><a href="#further-samples-choice">[^<]+</a></li>', html)
    choice = re.search(r'<fieldset[^>]*id="further-samples-choice"[^>]*>(.*?)</fieldset>', html, re.S)
    assert 'aria-describedby="further-samples-error"' in choice.group(0)
    assert re.search(r'<p class="error-message" id="further-samples-error">', choice.group(1))
    assert posted(moderation) == []


def test_a_refusal_by_the_service_is_put_in_the_persons_words_and_the_ticks_are_kept(moderator, moderation):
    moderation.refuse_next = "ALREADY_IN_SAMPLE"
    moderator.get(PAGE)
    response = moderator.post(REQUEST, {"candidate_numbers": ["1031"]})
    assert response.status_code == 409
    assert "There is a problem One of the candidates chosen is in the sample now. Nothing was requested: choose " \
           "again." in text_of(response)
    assert "ALREADY_IN_SAMPLE" not in response.get_data(as_text=True)
    assert re.search(r'value="1031" checked>', section_of(response))
    assert not moderation.units[(CENTRE, "7")]["requests"]


def test_before_moderation_has_the_submission_the_page_says_to_try_again(moderator, moderation):
    moderation.refusals[(CENTRE, "7")] = "NOT_SUBMITTED"
    message = ("The centre's submitted marks have not reached moderation yet, so further samples cannot be requested. "
               "Try again in a few minutes.")
    page = moderator.get(PAGE)
    assert page.status_code == 200 and message in text_of(page) and "<form" not in section_of(page)
    refused = moderator.post(REQUEST, {"candidate_numbers": ["1020"]})
    assert refused.status_code == 409 and f"There is a problem {message}" in text_of(refused)
    assert posted(moderation) == []


def test_while_moderation_is_down_the_evidence_still_shows(moderator, moderation):
    moderation.reachable = False
    message = "Further samples cannot be requested at the moment. Nothing was requested: try again in a few minutes."
    page = moderator.get(PAGE)
    assert page.status_code == 200 and message in text_of(page)
    assert "Sampled candidates and their files" in text_of(page)
    refused = moderator.post(REQUEST, {"candidate_numbers": ["1020"]})
    assert refused.status_code == 503 and f"There is a problem {message}" in text_of(refused)


def test_another_centres_unit_is_not_found_and_a_teacher_may_not_request(moderator, browser, identity, moderation):
    for response in (moderator.get(f"/moderation/evidence/{OTHER}/units/9"),
                     moderator.post(f"/moderation/evidence/{OTHER}/units/9/further-samples",
                                    {"candidate_numbers": ["1020"]}),
                     moderator.post(f"/moderation/evidence/6810x/units/7/further-samples",
                                    {"candidate_numbers": ["1020"]})):
        assert response.status_code == 404 and "Page not found" in text_of(response)
    identity.add_user("teacher@school.example")
    browser.sign_in("teacher@school.example")
    assert browser.post(REQUEST, {"candidate_numbers": ["1020"]}).status_code == 403
    assert posted(moderation) == []


def test_a_request_without_the_forms_token_is_refused(moderator, moderation):
    response = moderator.client.post(REQUEST, data={"candidate_numbers": "1020"})
    assert response.status_code == 400 and posted(moderation) == []
