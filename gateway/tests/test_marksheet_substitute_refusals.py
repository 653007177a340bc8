"""Missing or incomplete work, what is refused: by the sampling service (shown on the marksheet, or beside a fresh
offer when the sample changed meanwhile), and to board staff, who see the substitution but cannot make one."""
from gateway.testing import fake_substitutes
from gateway.testing import text_of
from gateway.testing.fake_marksheet import Refusal

from .test_marksheet_substitute import CENTRE, NOTE, missing_url, row_text, submitted  # noqa: F401


def test_when_the_sample_changed_meanwhile_the_refusal_shows_beside_a_fresh_offer(teacher_browser, submitted,
                                                                                   monkeypatch):
    def taken_meanwhile(*_):
        raise Refusal(422, "SUBSTITUTE_NOT_OFFERED", "Choose one of the candidates offered.")
    monkeypatch.setattr(fake_substitutes, "choose", taken_meanwhile)
    response = teacher_browser.post(missing_url(submitted), {"substitute": "3306", "note_to_moderator": NOTE})
    assert response.status_code == 422 and "<title>Error:" in response.get_data(as_text=True)
    assert "There is a problem Choose the substitute: the nearest higher or lower" in text_of(response)
    assert "3306 LEWIS: ELIN, total 16 (nearest higher)" in text_of(response)


def test_a_note_that_cannot_be_kept_is_refused_beside_the_form_and_changes_nothing(teacher_browser, submitted,
                                                                                   sampling):
    response = teacher_browser.post(missing_url(submitted), {"substitute": "3306", "note_to_moderator": "Lost\x00"})
    assert response.status_code == 422
    page = text_of(response)
    assert "There is a problem The note to the moderator holds characters that cannot be kept." in page
    assert "CHOOSE SUBSTITUTE" in page  # the form again, with a fresh offer
    assert sampling.substitutes.get((str(submitted["id"]), CENTRE), {}) == {}


def test_refusals_of_the_sampling_service_come_back_on_the_marksheet(teacher_browser, submitted, sampling):
    teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/add", {"candidate_number": "3303"})
    added = teacher_browser.get(missing_url(submitted, "3303"))
    assert added.status_code == 409
    assert "You added this candidate to the sample: take them out instead of choosing a substitute." in text_of(added)
    outside = teacher_browser.get(missing_url(submitted, "3302"))
    assert outside.status_code == 404 and "This candidate is not in the sample." in text_of(outside)
    undo = teacher_browser.post(f"/iamis/units/{submitted['id']}/sample/undo-substitute", {"candidate_number": "3305"})
    assert undo.status_code == 404 and "No substitute has been chosen for this candidate." in text_of(undo)
    bad = teacher_browser.get(missing_url(submitted, "12a"))
    assert bad.status_code == 422 and "the candidate number is up to four digits" in text_of(bad)
    sampling.reachable = False
    down = teacher_browser.get(missing_url(submitted))
    assert down.status_code == 503 and "The sample cannot be changed at the moment." in text_of(down)


def test_board_staff_see_the_substitution_but_cannot_make_one(browser, identity, submitted, sampling):
    sampling.substitutes[(str(submitted["id"]), CENTRE)] = {"3305": ("3306", NOTE)}
    sampling.samples[(str(submitted["id"]), CENTRE)]["3306"] = "substitute"
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    html = browser.get(f"/iamis/units/{submitted['id']}?centre={CENTRE}&show=samples").get_data(as_text=True)
    assert "Work missing: substitute 3306" in row_text(html, "3305") and "Undo" not in html
    assert "Work missing or incomplete" not in html
    refused = browser.get(missing_url(submitted, query=f"?centre={CENTRE}"))
    assert refused.status_code == 403 and "Board staff can see samples but not change them." in text_of(refused)
