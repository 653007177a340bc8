"""Board staff allocate a moderator to a centre on their page; the moderator then finds that centre's
evidence list under Moderation. The page is axe-clean in English and Welsh."""
import re
import time
import uuid

from playwright.sync_api import expect

from .signing_in import sign_in
from .test_welsh_and_accessibility import assert_accessible, choose_language


def test_board_staff_allocate_a_moderator_who_then_sees_the_centre(page, browser, new_user):
    staff = new_user(account_type="board_staff", centre=None)
    moderator = new_user(account_type="moderator", permissions=("iamis",), centre=None)
    sign_in(page, staff)
    page.goto("/menu")
    page.get_by_role("link", name="Moderation", exact=True).click()
    page.get_by_role("link", name="Moderator allocations").click()
    assert_accessible(page, "the moderator allocations page")
    page.get_by_role("button", name="ALLOCATE MODERATOR").click()  # nothing filled in: refused, nothing changed
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "the moderator allocations page with errors")

    name = f"Moderator {uuid.uuid4().hex[:6]}"
    page.get_by_label("Centre number").fill("68102")
    page.get_by_label("Moderator's name").fill(name)
    page.get_by_label("Moderator's email").fill(moderator.email.upper())
    page.get_by_role("button", name="ALLOCATE MODERATOR").click()
    expect(page.get_by_text(f"{name} is now the moderator for centre 68102.")).to_be_visible()
    row = page.locator("table tbody tr", has_text=name)
    expect(row).to_contain_text("68102")
    expect(row).to_contain_text(moderator.email)  # stored in lower case
    choose_language(page, "Cymraeg")
    assert_accessible(page, "the moderator allocations page, in Welsh")

    other = browser.new_context(base_url=page.url.split("/board")[0]).new_page()
    sign_in(other, moderator)
    deadline = time.monotonic() + 10  # the evidence service hears of the allocation through the bus
    other.goto("/moderation/evidence")
    while "68102" not in other.locator("main").inner_text() and time.monotonic() < deadline:
        time.sleep(0.3)
        other.goto("/moderation/evidence")
    expect(other.locator("main")).to_contain_text("68102")
    other.context.close()
    assert re.search(r"/board/allocations", page.url)
