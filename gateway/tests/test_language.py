"""English and Welsh: the EN / CY switch, the remembered choice, the user's preference."""
from datetime import datetime, timezone

from gateway.testing import text_of


def test_choosing_cymraeg_shows_welsh_and_sets_html_lang(browser):
    browser.get("/sign-in")
    response = browser.post("/language", {"lang": "cy", "next": "/sign-in"})
    assert response.status_code == 302 and response.headers["Location"] == "/sign-in"
    page = browser.get("/sign-in")
    html = page.get_data(as_text=True)
    assert '<html lang="cy">' in html
    text = text_of(page)
    assert "Mewngofnodi i'r Porth" in text and "Cyfeiriad e-bost" in text and "Nesaf" in text
    assert "Email address" not in text


def test_the_choice_is_a_year_long_cookie(browser):
    browser.post("/language", {"lang": "cy", "next": "/"})
    cookie = browser.client.get_cookie("lang")
    assert cookie.value == "cy" and cookie.http_only and cookie.secure
    assert (cookie.expires - datetime.now(timezone.utc)).days >= 364


def test_back_to_english(browser):
    browser.post("/language", {"lang": "cy", "next": "/sign-in"})
    browser.get("/sign-in")
    browser.post("/language", {"lang": "en", "next": "/sign-in"})
    assert "Portal Sign In" in text_of(browser.get("/sign-in"))


def test_welsh_error_messages_and_menu(browser, teacher):
    browser.post("/language", {"lang": "cy", "next": "/sign-in"})
    browser.get("/sign-in")
    page = text_of(browser.post("/sign-in", {"email": ""}))
    assert "Mae problem wedi codi" in page and "Rhowch eich cyfeiriad e-bost" in page
    browser.sign_in(teacher["email"])
    menu = text_of(browser.get("/menu"))
    for words in ("Dewislen", "Arholiadau ac Asesiadau", "Marciau/Canlyniadau Asesu Mewnol", "Allgofnodi"):
        assert words in menu


def test_after_sign_in_the_users_preference_applies_when_no_choice_was_made(browser, identity):
    identity.add_user("athro@ysgol.example", language="cy")
    response = browser.sign_in("athro@ysgol.example")
    assert browser.client.get_cookie("lang").value == "cy"
    assert response.status_code == 302
    assert "Croeso i'r Porth" in text_of(browser.get("/"))


def test_a_choice_made_beats_the_users_preference(browser, identity):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.post("/language", {"lang": "en", "next": "/sign-in"})
    browser.sign_in("athro@ysgol.example")
    assert "Welcome to Portal" in text_of(browser.get("/"))


def test_an_unknown_language_changes_nothing(browser):
    response = browser.post("/language", {"lang": "fr", "next": "/sign-in"})
    assert response.status_code == 400
    assert "Choose English or Cymraeg" in text_of(response)
    assert browser.client.get_cookie("lang") is None


def test_language_switch_needs_the_csrf_token(browser):
    response = browser.client.post("/language", data={"lang": "cy", "next": "/sign-in"})
    assert response.status_code == 400
    assert browser.client.get_cookie("lang") is None


def test_language_switch_never_redirects_off_site(browser):
    response = browser.post("/language", {"lang": "cy", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"
