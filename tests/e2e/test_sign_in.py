"""Signing in through nginx in headless Chromium: enrolment, codes, failures, lock-out, sign-out."""
import time

import pyotp
import requests
from playwright.sync_api import expect

from .signing_in import FAILED, enter_code, enter_email_and_password, fresh_code, next_code, sign_in


def test_first_sign_in_enrols_mfa_and_the_reports_service_learns_the_user(page, new_user, stack):
    user = new_user(enrolled=False)
    enter_email_and_password(page, user.email, user.password)
    expect(page.locator("svg").first).to_be_visible()  # the QR code
    secret = page.get_by_test_id("mfa-secret").inner_text().replace(" ", "")
    enter_code(page, fresh_code(secret))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Portal")

    # identity.user_activated travels identity → outbox → RabbitMQ → reports: board staff can now see the user.
    staff = new_user(account_type="board_staff", centre=None)
    staff_page = page.context.browser.new_context(base_url=stack.stack.url).new_page()
    sign_in(staff_page, staff)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        listed = staff_page.request.get("/api/reports/v1/directory").json()
        if any(entry["email"] == user.email for entry in listed):
            break
        time.sleep(0.3)
    assert any(entry["email"] == user.email for entry in listed)
    staff_page.context.close()


def test_an_enrolled_user_signs_in_with_password_and_code(page, new_user):
    user = new_user()
    page.goto("/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Portal Sign In")
    expect(page.get_by_text("Access your WJEC & Eduqas secure services.")).to_be_visible()
    sign_in(page, user)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Portal")


def test_a_wrong_password_and_a_wrong_code_get_the_same_message(page, new_user):
    user = new_user()
    enter_email_and_password(page, user.email, "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text(FAILED)

    enter_email_and_password(page, user.email, user.password)
    right = pyotp.TOTP(user.secret).now()
    enter_code(page, f"{(int(right) + 1) % 1_000_000:06d}")
    expect(page.get_by_role("alert")).to_contain_text(FAILED)


def test_an_unknown_email_gets_the_same_message_as_a_wrong_password(page):
    enter_email_and_password(page, "nobody@e2e.example", "whatever-it-is")
    expect(page.get_by_role("alert")).to_contain_text(FAILED)


def test_five_failures_lock_the_account_even_with_the_right_password_after(page, new_user):
    user = new_user()
    for _ in range(5):
        enter_email_and_password(page, user.email, "wrong-password")
    expect(page.get_by_role("alert")).to_contain_text("locked")
    enter_email_and_password(page, user.email, user.password)
    expect(page.get_by_role("alert")).to_contain_text("locked")
    expect(page.get_by_label("Authentication code")).to_have_count(0)


def test_a_code_that_was_used_once_is_refused_the_second_time(page, new_user, browser, stack):
    user = new_user()
    used = sign_in(page, user, fresh_code(user.secret, min_seconds_left=12))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Portal")

    other = browser.new_context(base_url=stack.stack.url).new_page()
    sign_in(other, user, used)
    expect(other.get_by_role("alert")).to_contain_text(FAILED)
    enter_code(other, next_code(user.secret, used))
    expect(other.get_by_role("heading", level=1)).to_have_text("Welcome to Portal")
    other.context.close()


def test_sign_out_ends_the_session_for_pages_and_the_api(page, new_user):
    user = new_user()
    sign_in(page, user)
    assert page.request.get("/api/marks/v1/whoami").status == 200
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Portal Sign In")
    assert page.request.get("/api/marks/v1/whoami").status == 401


def test_the_session_cookie_is_secure_httponly_and_samesite(page, new_user):
    sign_in(page, new_user())
    cookie = next(c for c in page.context.cookies() if c["name"] == "iamis_session")
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"


def test_security_headers_come_from_the_edge(stack):
    response = requests.get(f"{stack.stack.url}/sign-in", timeout=5)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
