"""After submission the marksheet shows the system's sample with the reason for each candidate; the centre adds
a candidate with "Show: All" and takes it out again, and cannot remove the system's choices; English and Welsh."""
import re
import time

import pytest
from playwright.sync_api import expect

from .board_setup import board_for
from .signing_in import sign_in
from .test_welsh_and_accessibility import assert_accessible, choose_language
from .wording import Wording

CANDIDATES, SAMPLED = 20, 15  # the default rule: 16-100 candidates with a mark give a sample of 15
SYSTEM_REASONS = ("Chosen by the system: highest", "Chosen by the system: lowest",
                  "Chosen by the system: spread of marks", "Chosen by the system: teacher represented")


@pytest.fixture
def submitted_unit(browser, stack, new_user, page):
    """A unit of 20 candidates, every one marked through the marks API as the page's script saves, then submitted."""
    board = board_for(browser, stack.stack.url, new_user(account_type="board_staff", centre=None))
    unit = board.unit(candidates=CANDIDATES)
    board.page.context.close()
    sign_in(page, new_user())
    page.goto(f"/iamis/units/{unit['id']}")
    csrf = page.locator("meta[name=csrf-token]").get_attribute("content")
    for index, number in enumerate(unit["numbers"]):
        for field, value in (("task:Task 1", str(5 + index)), ("task:Task 2", str(index % 7 + 10)),
                             ("initials", "AB" if index % 2 else "CD")):
            saved = page.request.patch(f"/api/marks/v1/centres/68101/units/{unit['id']}/candidates/{number}",
                                       data={"field": field, "value": value, "previous": ""},
                                       headers={"X-CSRFToken": csrf})
            assert saved.ok, (number, field, saved.status, saved.text())
    page.goto(f"/iamis/units/{unit['id']}/submit")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(unit["code"])
    return unit


def sample_rows(page, unit, expected: int):
    """Show: Samples, reloaded until the marksheet lists `expected` candidates (the sample is made through the
    bus, so it may take a moment)."""
    rows = page.locator("#marksheet tbody tr")
    deadline = time.monotonic() + 10
    while True:
        page.goto(f"/iamis/units/{unit['id']}?show=samples&rows=all")
        if rows.count() == expected or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    expect(rows).to_have_count(expected)
    return rows


def test_the_sample_is_shown_a_candidate_added_and_removed_and_system_choices_kept(page, submitted_unit):
    unit, say = submitted_unit, Wording("en")
    rows = sample_rows(page, unit, SAMPLED)
    for row in rows.all():
        expect(row.locator("td.marksheet__sample")).to_contain_text("Yes")
    reasons = page.locator(".marksheet__reason").all_inner_texts()
    assert len(reasons) == SAMPLED and set(reasons) <= set(SYSTEM_REASONS), reasons
    expect(page.locator("#marksheet button")).to_have_count(0)  # the system's choices cannot be removed

    page.goto(f"/iamis/units/{unit['id']}?show=all&rows=all")
    add_buttons = page.get_by_role("button", name=re.compile(r"^Add \d{4} to the sample$"))
    expect(add_buttons).to_have_count(CANDIDATES - SAMPLED)
    assert_accessible(page, "the submitted marksheet with the sample controls")
    added = re.search(r"\d{4}", add_buttons.first.inner_text()).group(0)
    add_buttons.first.click()
    expect(page.get_by_role("status").filter(has_text=added)).to_contain_text(
        say("Candidate %(candidate)s has been added to the sample.", candidate=added))
    row = page.locator(f'#marksheet tr[data-candidate="{added}"]')
    expect(row).to_contain_text("Added by the centre")
    expect(page.get_by_role("button", name=re.compile(r"^Remove "))).to_have_count(1)
    sample_rows(page, unit, SAMPLED + 1)

    system_choice = page.locator("#marksheet tbody tr", has_text="Chosen by the system").first
    expect(system_choice.locator("button")).to_have_count(0)
    forged = page.request.post(f"/iamis/units/{unit['id']}/sample/remove", form={
        "csrf_token": page.locator("meta[name=csrf-token]").get_attribute("content"),
        "candidate_number": system_choice.get_attribute("data-candidate")})
    assert forged.status == 409 and "You cannot remove candidates chosen by the system" in forged.text()

    page.get_by_role("button", name=f"Remove {added} from the sample").click()
    expect(page.get_by_role("status").filter(has_text=added)).to_contain_text(
        say("Candidate %(candidate)s has been removed from the sample.", candidate=added))
    sample_rows(page, unit, SAMPLED)
    expect(page.locator(f'#marksheet tr[data-candidate="{added}"]')).to_have_count(0)

    welsh = Wording("cy")
    choose_language(page, "Cymraeg")
    page.goto(f"/iamis/units/{unit['id']}?show=all&rows=all")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("button", name=welsh("Add %(candidate)s to the sample", candidate=added))).to_be_visible()
    expect(page.locator("#marksheet")).to_contain_text(welsh("Chosen by the system: highest"))
    assert_accessible(page, "the submitted marksheet with the sample controls, in Welsh")
