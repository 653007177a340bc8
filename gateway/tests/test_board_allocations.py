"""Board → Moderator allocations: board staff see which moderator moderates which centre and allocate one;
checked before the moderation service, its refusals explained; staff only; English and Welsh."""
import pytest

from gateway.testing import text_of
from gateway.testing.fake_moderation import FakeModeration

PAGE = "/board/allocations"
MARED = {"centre": "68101", "moderator_name": "Mared Hughes", "moderator_email": "moderator@board.example"}


@pytest.fixture
def moderation(token_keys):
    fake = FakeModeration(token_keys[1])
    fake.add("68102", "gwyn@board.example", "Gwyn Price", at="2026-06-30T23:30:00+00:00")
    fake.add("68102", "alys@board.example", "Alys Roberts", at="2026-03-02T10:00:00+00:00")
    return fake


@pytest.fixture
def app_config(app_config, moderation):
    return dict(app_config, MODERATION_HTTP=moderation)


@pytest.fixture
def staff(browser, identity):
    identity.add_user("staff@wjec.example", name="Eira Jenkins", account_type="board_staff", centres=[],
                      permissions=[])
    browser.sign_in("staff@wjec.example")
    return browser


def posted(moderation) -> list:
    return [body for method, _, body in moderation.calls if method == "POST"]


def test_the_table_lists_every_allocation_by_centre_with_the_local_date(staff):
    response = staff.get(PAGE)
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200
    assert ("Board Moderator allocations Moderators allocated to centres Centre Moderator Email Allocated on "
            "68102 Alys Roberts alys@board.example 02/03/2026 "
            "68102 Gwyn Price gwyn@board.example 01/07/2026") in text_of(response)
    assert '<label class="label" for="centre">Centre number</label>' in html
    assert '<label class="label" for="moderator_name">Moderator\'s name</label>' in html
    assert '<label class="label" for="moderator_email">Moderator\'s email</label>' in html
    assert '<button type="submit" class="button">ALLOCATE MODERATOR</button>' in html


def test_an_empty_list_says_so(staff, moderation):
    moderation.allocations.clear()
    page = text_of(staff.get(PAGE))
    assert "No moderators have been allocated to centres yet." in page and "Allocated on" not in page


def test_allocating_a_moderator(staff, moderation):
    staff.get(PAGE)
    response = staff.post(PAGE, {"centre": " 68101 ", "moderator_name": "Mared  Hughes",
                                 "moderator_email": "Moderator@Board.example"})
    assert response.status_code == 302 and response.headers["Location"] == PAGE
    page = text_of(staff.get(PAGE))
    assert "Mared Hughes is now the moderator for centre 68101." in page
    assert "68101 Mared Hughes moderator@board.example" in page
    assert posted(moderation) == [{"centre": "68101", "moderator_email": "Moderator@Board.example",
                                   "moderator_name": "Mared Hughes"}]


@pytest.mark.parametrize("form, field, message", [
    ({**MARED, "centre": ""}, "centre", "Enter the centre number"),
    ({**MARED, "centre": "6810"}, "centre", "Enter a centre number of 5 digits, like 68101"),
    ({**MARED, "moderator_name": " "}, "moderator_name", "Enter the moderator's name"),
    ({**MARED, "moderator_name": "M" * 201}, "moderator_name", "Enter the moderator's name, up to 200 characters"),
    ({**MARED, "moderator_email": ""}, "moderator_email", "Enter the moderator's email address"),
    ({**MARED, "moderator_email": "mared.board"}, "moderator_email",
     "Enter the moderator's email address, like name@example.com"),
])
def test_a_form_with_a_mistake_is_sent_back_with_an_error_summary(staff, moderation, form, field, message):
    staff.get(PAGE)
    response = staff.post(PAGE, form)
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200
    assert f'<li><a href="#{field}">{message}</a></li>' in html
    assert f'<p id="{field}-error" class="error-message">' in html
    assert "There is a problem" in text_of(response)
    assert not posted(moderation) and len(moderation.allocations) == 2


@pytest.mark.parametrize("code, field, message", [
    ("CENTRE_NUMBER_INVALID", "centre", "Enter a centre number of 5 digits, like 68101"),
    ("MODERATOR_EMAIL_INVALID", "moderator_email", "Enter the moderator's email address, like name@example.com"),
    ("MODERATOR_NAME_REQUIRED", "moderator_name", "Enter the moderator's name, up to 200 characters"),
])
def test_the_services_refusal_of_a_field_is_shown_on_that_field(staff, moderation, code, field, message):
    moderation.refuse_next = code
    staff.get(PAGE)
    response = staff.post(PAGE, MARED)
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200
    assert f'<li><a href="#{field}">{message}</a></li>' in html and f'id="{field}-error"' in html
    assert "is now the moderator" not in html and len(moderation.allocations) == 2


@pytest.mark.parametrize("code, message", [
    ("ALREADY_ALLOCATED", "This moderator is already allocated to this centre. Nothing was changed."),
    ("BOARD_STAFF_ONLY", "Only board staff can allocate moderators. Nothing was changed."),
])
def test_the_services_refusal_of_the_whole_form_is_in_the_error_summary(staff, moderation, code, message):
    moderation.refuse_next = code
    staff.get(PAGE)
    response = staff.post(PAGE, MARED)
    assert response.status_code == 200
    assert f"There is a problem {message}" in text_of(response)
    assert 'value="Mared Hughes"' in response.get_data(as_text=True)  # kept, to correct and send again


def test_allocating_the_same_moderator_twice_is_refused(staff, moderation):
    staff.get(PAGE)
    staff.post(PAGE, MARED)
    again = staff.post(PAGE, MARED)
    assert "This moderator is already allocated to this centre. Nothing was changed." in text_of(again)
    assert len(moderation.allocations) == 3


@pytest.mark.parametrize("account_type", ["user", "exams_officer", "moderator"])
def test_only_board_staff_may_open_the_page(browser, identity, moderation, account_type):
    identity.add_user("someone@example.com", account_type=account_type)
    browser.sign_in("someone@example.com")
    for response in (browser.get(PAGE), browser.post(PAGE, MARED)):
        assert response.status_code == 403
        assert "Only WJEC staff can use these pages" in text_of(response)
    assert not moderation.calls


def test_signed_out_people_are_sent_to_sign_in(browser, moderation):
    response = browser.get(PAGE)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    assert not moderation.calls


def test_board_staff_reach_the_page_from_the_menu_and_the_board_page(staff):
    assert f'<a href="{PAGE}">Moderator allocations</a>' in staff.get("/menu?section=moderation").get_data(as_text=True)
    assert f'<a href="{PAGE}">Moderator allocations</a>' in staff.get("/board/series").get_data(as_text=True)


def test_a_moderators_menu_has_no_allocations_link(browser, identity):
    identity.add_user("moderator@board.example", account_type="moderator", centres=[], permissions=["iamis"])
    browser.sign_in("moderator@board.example")
    assert PAGE not in browser.get("/menu?section=moderation").get_data(as_text=True)


def test_the_service_being_down_gives_a_page_to_try_again(staff, moderation):
    moderation.reachable = False
    response = staff.get(PAGE)
    assert response.status_code == 503
    assert "Sorry, moderator allocations are not available at the moment" in text_of(response)
    assert f'href="{PAGE}"' in response.get_data(as_text=True)


def test_the_page_in_welsh(browser, identity, moderation):
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[], language="cy")
    browser.sign_in("staff@wjec.example")
    response = browser.get(PAGE)
    assert '<html lang="cy">' in response.get_data(as_text=True)
    page = text_of(response)
    for words in ("Dyraniadau cymedrolwyr", "Canolfan", "Cymedrolwr", "E-bost", "Dyrannwyd ar", "Rhif y ganolfan",
                  "Enw'r cymedrolwr", "E-bost y cymedrolwr", "DYRANNU CYMEDROLWR"):
        assert words in page, words
    browser.post(PAGE, MARED)
    assert "Mared Hughes yw'r cymedrolwr ar gyfer canolfan 68101 bellach." in text_of(browser.get(PAGE))
    refused = text_of(browser.post(PAGE, MARED))
    assert "Mae'r cymedrolwr hwn eisoes wedi'i ddyrannu i'r ganolfan hon. Ni newidiwyd dim." in refused
    assert "Rhowch enw'r cymedrolwr" in text_of(browser.post(PAGE, {**MARED, "moderator_name": ""}))
