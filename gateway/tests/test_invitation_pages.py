"""The invitation link with the fake identity: set a password, then the usual sign-in enrols MFA."""
import pytest

from gateway.testing import ENROLMENT_SECRET, GOOD_CODE, Browser, text_of
from gateway.testing.fake_centre_users import ALL_PERMISSIONS

PASSWORD = "Staple-Battery-Horse-9"


@pytest.fixture
def invited(app, identity):
    """Joe, invited by the centre's Exams Officer: returns the token of his invite email."""
    def invite(language="en"):
        officer = identity.add_user("eo@demo-centre.example", account_type="exams_officer", centres=["68101"],
                                    permissions=ALL_PERMISSIONS)
        manager = Browser(app.test_client())
        manager.sign_in(officer["email"])
        manager.get("/centre/68101/users/invite")
        manager.post("/centre/68101/users/invite", {"first_name": "Joe", "last_name": "Bloggs",
                                                    "language": language, "email": "j.bloggs@wjec.example",
                                                    "account_type": "user"})
        return identity.centre_users.last_token("j.bloggs@wjec.example")
    return invite


def test_the_link_leads_to_set_password_then_sign_in_and_mfa_enrolment(browser, invited, identity):
    token = invited()
    opened = browser.get(f"/invitation/{token}")
    assert opened.status_code == 302 and opened.headers["Location"] == "/invitation"  # token out of the address
    page = text_of(browser.get("/invitation"))
    assert "Set up your Portal account" in page and "Joe Bloggs, j.bloggs@wjec.example" in page
    set_password = browser.post("/invitation", {"password": PASSWORD, "confirm_password": PASSWORD})
    assert set_password.headers["Location"] == "/sign-in/password"
    password_page = text_of(browser.get("/sign-in/password"))
    assert "Your password is set. Sign in with it now" in password_page
    assert "Signing in as j.bloggs@wjec.example." in password_page
    enrol = browser.post("/sign-in/password", {"password": PASSWORD})
    assert enrol.headers["Location"] == "/sign-in/enrol"
    assert "JBSW Y3DP" in text_of(browser.get("/sign-in/enrol")) and ENROLMENT_SECRET
    assert browser.post("/sign-in/enrol", {"code": GOOD_CODE}).headers["Location"] == "/"
    assert "Welcome to Portal" in text_of(browser.get("/"))
    assert identity.accounts["j.bloggs@wjec.example"]["status"] == "active"


def test_the_pages_follow_the_invitees_language(browser, invited):
    token = invited(language="cy")
    opened = browser.get(f"/invitation/{token}")
    assert "lang=cy" in opened.headers["Set-Cookie"]
    response = browser.get("/invitation")
    assert '<html lang="cy">' in response.get_data(as_text=True)
    assert "Sefydlu eich cyfrif Porth" in text_of(response)


@pytest.mark.parametrize("password,confirm,message", [
    ("", "", "Enter a password"),
    ("short-pass1", "short-pass1", "Your password must be 12 characters or more"),
    (PASSWORD, "Staple-Battery-Horse-8", "The passwords do not match. Enter the same password twice"),
    ("MyPassword-2025", "MyPassword-2025", "This password is too common and easy to guess."),
    ("Joe-Bloggs-Tree-2025", "Joe-Bloggs-Tree-2025", "Your password must not contain your name or email address"),
])
def test_a_weak_or_mistyped_password_is_refused_and_the_link_still_works(browser, invited, identity, password,
                                                                         confirm, message):
    token = invited()
    browser.get(f"/invitation/{token}")
    browser.get("/invitation")
    refused = browser.post("/invitation", {"password": password, "confirm_password": confirm})
    assert refused.status_code == 200 and "There is a problem" in text_of(refused)
    assert message in text_of(refused)
    assert identity.centre_users.invitations[token]["state"] == "pending"


def test_an_expired_link_says_to_ask_for_a_new_invite(browser, invited, identity):
    token = invited()
    identity.centre_users.expire(token)
    response = browser.get(f"/invitation/{token}")
    assert response.status_code == 410
    assert "This invite link has expired" in text_of(response)
    assert "Ask your Examinations Officer to send you the invite again." in text_of(response)


def test_a_used_link_says_to_sign_in(browser, invited, app):
    token = invited()
    browser.get(f"/invitation/{token}")
    browser.get("/invitation")
    browser.post("/invitation", {"password": PASSWORD, "confirm_password": PASSWORD})
    again = Browser(app.test_client()).get(f"/invitation/{token}")
    assert again.status_code == 409
    assert "This invite link has already been used" in text_of(again)
    assert 'href="/sign-in"' in again.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/invitation/made-up-token", "/invitation/" + "x" * 300, "/invitation"])
def test_an_unknown_link_is_not_valid(browser, path):
    response = browser.get(path)
    assert response.status_code == 404
    assert "This invite link is not valid" in text_of(response)
