"""Steps an Exams Officer and an invited user take on the Centre Users and invitation pages.

Forms are filled by field id, so the same steps work whichever language the pages are in."""
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from iamis_shared.testing import Mailbox
from playwright.sync_api import expect

from .signing_in import fresh_code

CENTRE = "68101"
USERS = f"/centre/{CENTRE}/users"
NEW_PASSWORD = "Lantern-Heather-Canal-42"  # long, not well known, not made of the person's name
# The gateway keeps a session's claims this long (AUTH_CACHE_SECONDS), so a page and its API calls ask identity
# once; a change to a session already seen in these seconds shows once they are over.
SESSION_CACHE_SECONDS = 3
MOMENT = re.compile(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}")  # "16 Sep 2025 15:03", as the pages show a time


@dataclass
class Invitee:
    first_name: str
    last_name: str
    email: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def someone_new(first_name: str = "Rhys") -> Invitee:
    marker = uuid.uuid4().hex[:8]
    return Invitee(first_name, f"Invitee{marker}", f"invitee-{marker}@e2e.example")


def heading(page):
    return page.get_by_role("heading", level=1)


def full_name(identity_uow, account) -> str:
    with identity_uow() as uow:
        return uow.users.get(account.id).full_name


def open_centre_users(page) -> None:
    """The centre-number icon at the top right, then its menu's Centre Users."""
    page.locator("summary", has_text=CENTRE).click()
    page.get_by_role("link", name="Centre Users").click()


def fill_invite(page, first_name: str, last_name: str, email: str, language: str = "en",
                account_type: str = "user") -> None:
    page.locator("#first_name").fill(first_name)
    page.locator("#last_name").fill(last_name)
    page.locator("#email").fill(email)
    page.locator("#language").select_option(language)
    page.locator(f"#account_type-{account_type}").check()
    page.locator("main form button[type=submit]").click()


def invite(page, person: Invitee, language: str = "en") -> None:
    page.goto(f"{USERS}/invite")
    fill_invite(page, person.first_name, person.last_name, person.email, language)
    expect(page).to_have_url(re.compile(rf"{USERS}$"))  # back on the list: the invite was sent


def invite_by_api(page, person: Invitee, language: str = "en") -> dict:
    csrf = page.locator("meta[name=csrf-token]").get_attribute("content")
    response = page.request.post(f"/api/identity/v1/centres/{CENTRE}/users", headers={"X-CSRFToken": csrf}, data={
        "first_name": person.first_name, "last_name": person.last_name, "email": person.email,
        "language": language, "account_type": "user"})
    assert response.status == 201, response.text()
    return response.json()


def user_row(page, name: str):
    return page.locator("tbody tr", has=page.locator("summary", has_text=name))


def show_user(page, email: str):
    """The Manage Users list filtered down to one user, and that user's row."""
    page.goto(f"{USERS}?q={email}")
    return page.locator("tbody tr")


def open_action(page, name: str, action: str) -> None:
    """An entry ("access" or "remove") of the user's three-dots menu."""
    row = user_row(page, name)
    row.locator("summary").click()
    row.locator(f"a[href$='/{action}']").click()


def invitation_email(stack, address: str) -> tuple[dict, str]:
    """The newest email to `address`, and the invite link in it."""
    message = Mailbox(stack.stack.mail_url).wait_for(address)
    found = re.search(rf"{re.escape(stack.stack.url)}/invitation/[A-Za-z0-9_-]+", message["text"])
    assert found, message["text"]
    return message, found.group(0)


def set_password(page, password: str, again: str | None = None) -> None:
    page.locator("#password").fill(password)
    page.locator("#confirm_password").fill(password if again is None else again)
    page.locator("main form button[type=submit]").click()


def enrol_mfa(page) -> str:
    """Read the key under the QR code, as a person types it into their app, and enter the app's code."""
    secret = page.get_by_test_id("mfa-secret").inner_text().replace(" ", "")
    page.locator("main form input[name=code]").fill(fresh_code(secret))
    page.locator("main form button[type=submit]").click()
    return secret


def expire_invitation(identity_uow, link: str) -> None:
    """As if the days the link works for had passed (the token itself is stored only as a hash)."""
    with identity_uow() as uow:
        invitation = uow.invitations.get_by_token(link.rsplit("/", 1)[1])
        invitation.expires_at = datetime.now(timezone.utc) - timedelta(minutes=1)
        uow.commit()


def wait_out_session_cache(since: float) -> None:
    time.sleep(max(0.0, since + SESSION_CACHE_SECONDS + 0.2 - time.monotonic()))
