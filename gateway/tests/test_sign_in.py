"""Sign-in as a person goes through it: email, password, then the code or enrolling an app."""
import re

from gateway.testing import GOOD_CODE, text_of

WRONG_DETAILS = ("The email address, password or authentication code is not right. "
                 "Check them and try again.")


def test_sign_in_page_shows_the_guides_wording(browser):
    page = text_of(browser.get("/sign-in"))
    for words in ("Portal Sign In", "Access your WJEC & Eduqas secure services.", "Email address",
                  "e.g. joe.bloggs@wjec.co.uk", "Next", "Need sign in support?",
                  "By continuing, you agree to the WJEC Terms & Conditions and our Privacy Notice."):
        assert words in page


def test_empty_email_shows_error_summary_linked_to_the_field_and_inline_error(browser):
    response = browser.post("/sign-in", {"email": "  "})
    html = response.get_data(as_text=True)
    assert "There is a problem" in text_of(response)
    assert '<a href="#email">Enter your email address</a>' in html
    assert re.search(r'id="email-error"[^>]*>.*Error:.*Enter your email address', html)
    assert 'aria-describedby="email-hint email-error"' in html
    assert "<title>Error: Portal Sign In" in html


def test_badly_formed_email_is_refused_before_asking_identity(browser, identity):
    response = browser.post("/sign-in", {"email": "teacher.at.school"})
    assert "Enter an email address in the correct format, like name@example.com" in text_of(response)
    assert identity.calls == []


def test_email_password_and_code_sign_in_and_return_to_the_page_asked_for(browser, teacher):
    browser.post("/sign-in?next=/menu", {"email": teacher["email"]})
    password_page = browser.get("/sign-in/password")
    assert "Signing in as teacher@school.example." in text_of(password_page)
    browser.post("/sign-in/password", {"password": "correct horse battery"})
    code_page = text_of(browser.get("/sign-in/code"))
    assert "Authentication code" in code_page
    assert "Enter the 6-digit code from your authenticator app" in code_page
    response = browser.post("/sign-in/code", {"code": "123 456"})
    assert response.status_code == 302 and response.headers["Location"] == "/menu"
    assert "Internal Assessment Marks/Outcomes" in text_of(browser.get("/menu"))


def test_wrong_password_and_wrong_code_read_the_same(browser, teacher):
    browser.post("/sign-in", {"email": teacher["email"]})
    wrong_password = browser.post("/sign-in/password", {"password": "guess"})
    assert WRONG_DETAILS in text_of(wrong_password)
    assert '<a href="#password">' in wrong_password.get_data(as_text=True)

    browser.post("/sign-in/password", {"password": "correct horse battery"})
    wrong_code = browser.post("/sign-in/code", {"code": "000000"})
    assert WRONG_DETAILS in text_of(wrong_code)
    assert '<a href="#code">' in wrong_code.get_data(as_text=True)


def test_unknown_email_reads_like_a_wrong_password(browser):
    browser.post("/sign-in", {"email": "nobody@school.example"})
    assert WRONG_DETAILS in text_of(browser.post("/sign-in/password", {"password": "anything"}))


def test_code_must_be_six_digits(browser, teacher, identity):
    browser.post("/sign-in", {"email": teacher["email"]})
    browser.post("/sign-in/password", {"password": "correct horse battery"})
    response = browser.post("/sign-in/code", {"code": "12ab"})
    assert "The authentication code must be 6 digits, like 123456" in text_of(response)
    assert not any(path == "/sign-in/code" for _, path, _ in identity.calls)


def test_enrolment_shows_a_labelled_qr_code_and_the_secret_in_groups_of_four(browser, identity):
    identity.add_user("new@school.example", mfa=False)
    browser.post("/sign-in", {"email": "new@school.example"})
    browser.post("/sign-in/password", {"password": "correct horse battery"})
    page = browser.get("/sign-in/enrol")
    html = page.get_data(as_text=True)
    assert re.search(r'role="img" aria-label="QR code for adding your Portal account[^"]*"><svg', html)
    assert "JBSW Y3DP EHPK 3PXP JBSW Y3DP" in text_of(page)
    assert '<code data-testid="mfa-secret">JBSW Y3DP EHPK 3PXP JBSW Y3DP</code>' in html
    assert 'autocomplete="one-time-code"' in html
    response = browser.post("/sign-in/enrol", {"code": GOOD_CODE})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Welcome to Portal" in text_of(browser.get("/"))


def test_locked_account_says_until_when_in_local_time(browser, teacher, identity):
    identity.locked_until[teacher["email"]] = "2025-07-01T13:45:00+00:00"
    browser.post("/sign-in", {"email": teacher["email"]})
    response = browser.post("/sign-in/password", {"password": "correct horse battery"})
    assert ("Too many failed attempts. This account is locked until 14:45. Try again after that."
            in text_of(response))


def test_expired_challenge_starts_again_at_the_email_step(browser, teacher, identity):
    browser.post("/sign-in", {"email": teacher["email"]})
    browser.post("/sign-in/password", {"password": "correct horse battery"})
    identity.challenges.clear()
    response = browser.post("/sign-in/code", {"code": GOOD_CODE})
    assert response.headers["Location"] == "/sign-in"
    page = text_of(browser.get("/sign-in"))
    assert "Your sign-in took too long. Start again." in page and "Portal Sign In" in page


def test_the_cookie_keeps_the_challenge_but_never_the_password(app, browser, teacher, identity):
    browser.post("/sign-in", {"email": teacher["email"]})
    browser.post("/sign-in/password", {"password": "correct horse battery"})
    serializer = app.session_interface.get_signing_serializer(app)
    stored = serializer.loads(browser.cookie().value)
    assert stored["challenge"]["id"] in identity.challenges
    assert "correct horse battery" not in repr(stored)


def test_steps_out_of_order_go_back_to_the_email_step(browser):
    assert browser.get("/sign-in/password").headers["Location"] == "/sign-in"
    assert browser.get("/sign-in/code").headers["Location"] == "/sign-in"
    assert browser.get("/sign-in/enrol").headers["Location"] == "/sign-in"


def test_next_cannot_send_people_to_another_site(browser, teacher):
    response = browser.sign_in(teacher["email"], next_path="//evil.example/phish")
    assert response.headers["Location"] == "/"


def test_forms_without_the_csrf_token_change_nothing(browser, identity):
    response = browser.client.post("/sign-in", data={"email": "teacher@school.example"})
    assert response.status_code == 400
    assert "This form has expired" in text_of(response)
    assert browser.get("/sign-in/password").headers["Location"] == "/sign-in"
