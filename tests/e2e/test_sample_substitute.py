"""Missing or incomplete work: a teacher marks a sampled candidate's work missing, chooses the nearer of the two
candidates offered with a note to the moderator, sees both rows explained on the marksheet (ticked by the marks
service through the bus), and undoes it, in English and in Welsh, keyboard only for the form, axe-clean."""
import re

import pytest
from playwright.sync_api import expect

from .board_setup import board_for
from .signing_in import sign_in
from .test_sample import sample_rows
from .test_welsh_and_accessibility import assert_accessible, choose_language
from .wording import Wording

CANDIDATES, SAMPLED = 40, 15  # 16-100 candidates with a mark give a sample of 15

NOTE = "The recording of this candidate's talk was lost when the memory card failed. WJEC has been told in writing."


@pytest.fixture
def submitted_unit(browser, stack, new_user, page):
    """A unit of 40 candidates at 68101 with totals 2..41 in candidate-number order, marked by importing a CSV
    as a teacher would from the school's MIS, then submitted on its page."""
    board = board_for(browser, stack.stack.url, new_user(account_type="board_staff", centre=None))
    unit = board.unit(candidates=CANDIDATES)
    board.page.context.close()
    sign_in(page, new_user())
    page.goto(f"/iamis/units/{unit['id']}")
    rows = [f"{number},{n // 2 + 1},{(n + 1) // 2 + 1},{'AB' if n % 2 else 'CD'}" for n, number in
            enumerate(unit["numbers"])]
    imported = page.request.post(
        f"/api/marks/v1/centres/68101/units/{unit['id']}/import",
        headers={"X-CSRFToken": page.locator("meta[name=csrf-token]").get_attribute("content")},
        multipart={"file": {"name": "marks.csv", "mimeType": "text/csv",
                            "buffer": ("candidate_number,Task 1,Task 2,initials\n" + "\n".join(rows)).encode()}})
    assert imported.ok, (imported.status, imported.text())
    page.goto(f"/iamis/units/{unit['id']}/submit")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(unit["code"])
    return unit


def offered(page) -> list[tuple[str, int]]:
    """(candidate number, total) of each radio button on the substitute page."""
    labels = page.locator("main form .choice__label").all_inner_texts()
    return [(re.match(r"(\d{4})", text).group(1), int(re.search(r"total (\d+)", text).group(1))) for text in labels]


def test_a_substitute_for_missing_work_is_chosen_shown_and_undone(page, submitted_unit):
    unit, say = submitted_unit, Wording("en")
    sample_rows(page, unit, SAMPLED)
    spreads = page.locator("#marksheet tbody tr", has_text="Chosen by the system: spread of marks")
    spread = spreads.nth(spreads.count() // 2)  # in the middle, with a candidate outside the sample either side
    original = spread.get_attribute("data-candidate")
    total = int(spread.locator("td.marksheet__total").inner_text())
    spread.get_by_role("link", name=f"Work missing or incomplete (candidate {original})").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Work missing or incomplete: candidate {original}")
    choices = offered(page)
    assert len(choices) == 2 and choices[0][1] >= total >= choices[1][1], choices
    assert_accessible(page, "the substitute page")

    page.get_by_role("button", name="CHOOSE SUBSTITUTE").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(say("Choose the substitute: the nearest higher or lower candidate with complete "
                                        "work"))
    expect(summary).to_contain_text(say("Enter a note to the moderator explaining why the work is missing or "
                                        "incomplete"))
    assert_accessible(page, "the substitute page with its errors")

    nearer = min(choices, key=lambda choice: abs(choice[1] - total))[0]
    page.locator(f"#substitute-{choices[0][0]}").focus()  # from here on, the keyboard alone
    page.keyboard.press("Space" if nearer == choices[0][0] else "ArrowDown")
    expect(page.locator(f"#substitute-{nearer}")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Note to the moderator")).to_be_focused()
    page.keyboard.type(NOTE)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text(say(
        "Candidate %(substitute)s is now in the sample as the substitute for candidate %(candidate)s.",
        substitute=nearer, candidate=original))
    rows = sample_rows(page, unit, SAMPLED + 1)  # the marks service ticks the substitute too
    expect(page.locator(f'#marksheet tr[data-candidate="{original}"]')).to_contain_text(
        say("Work missing: substitute %(candidate)s", candidate=nearer))
    expect(page.locator(f'#marksheet tr[data-candidate="{nearer}"]')).to_contain_text(
        say("Substitute for %(candidate)s", candidate=original))
    expect(rows.filter(has_text="Work missing or incomplete")).to_have_count(SAMPLED - 1)
    assert_accessible(page, "the marksheet with a substitute")

    welsh = Wording("cy")
    choose_language(page, "Cymraeg")
    page.goto(f"/iamis/units/{unit['id']}?show=samples&rows=all")
    row = page.locator(f'#marksheet tr[data-candidate="{original}"]')
    expect(row).to_contain_text(welsh("Work missing: substitute %(candidate)s", candidate=nearer))
    expect(page.locator(f'#marksheet tr[data-candidate="{nearer}"]')).to_contain_text(
        welsh("Substitute for %(candidate)s", candidate=original))
    assert_accessible(page, "the marksheet with a substitute, in Welsh")
    row.get_by_role("button", name=welsh("Undo the substitute for %(candidate)s", candidate=original)).click()
    expect(page.get_by_role("status")).to_contain_text(welsh(
        "The substitute for candidate %(candidate)s has been taken out: candidate %(candidate)s is in the sample "
        "as before.", candidate=original))
    sample_rows(page, unit, SAMPLED)
    expect(page.locator(f'#marksheet tr[data-candidate="{nearer}"]')).to_have_count(0)
    expect(page.locator(f'#marksheet tr[data-candidate="{original}"]')).to_contain_text(
        welsh("Work missing or incomplete"))
