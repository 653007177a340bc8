"""Steps a person takes to sign in, shared by the end-to-end tests."""
import time

import pyotp

FAILED = "The email address, password or authentication code is not right. Check them and try again."


def fresh_code(secret: str, min_seconds_left: float = 5) -> str:
    """A code with enough of its 30-second window left for the browser to send it."""
    totp = pyotp.TOTP(secret)
    left = 30 - time.time() % 30
    if left < min_seconds_left:
        time.sleep(left + 0.2)
    return totp.now()


def next_code(secret: str, used: str) -> str:
    """The first code after `used` (a code can be accepted only once)."""
    totp = pyotp.TOTP(secret)
    while totp.now() == used:
        time.sleep(0.5)
    return totp.now()


def enter_email_and_password(page, email: str, password: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Next").click()


def enter_code(page, code: str) -> None:
    page.get_by_label("Authentication code").fill(code)
    page.get_by_role("button", name="Sign in").click()


# The code last sent for each secret: a code is accepted only once, and a demo account (the moderator) signs in
# from more than one test, which can fall within one 30-second window.
LAST_SENT: dict[str, str] = {}


def sign_in(page, user, code: str | None = None) -> str:
    enter_email_and_password(page, user.email, user.password)
    if code is None:
        code = fresh_code(user.secret)
        if LAST_SENT.get(user.secret) == code:
            code = next_code(user.secret, code)
    LAST_SENT[user.secret] = code
    enter_code(page, code)
    return code
