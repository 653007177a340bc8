"""A teacher enters marks and outcomes with the keyboard, submits, and the sheet locks; board staff add a late
entry; two people on one marksheet; all in Chromium through nginx against the real marks service."""
import re

import pytest
from playwright.sync_api import expect

from .board_setup import board_for
from .signing_in import sign_in
from .wording import Wording

LOCKED = "CANNOT BE ALTERED ONLINE"
LOCKED_TEXT = ("ONCE MARKS/OUTCOMES HAVE BEEN SUBMITTED TO WJEC THE MARKS & OUTCOMES AWARDED TO CANDIDATES CANNOT "
               "BE ALTERED ONLINE, A REQUEST CAN BE MADE BY COMPLETING THE MARK/GRADE AMENDMENT FORM AVAILABLE ON "
               "THE IAMIS SCREEN.")
SAVED, ERROR = re.compile(r"\bmark-field--saved\b"), re.compile(r"\bmark-field--error\b")


@pytest.fixture
def board(browser, stack, new_user):
    board = board_for(browser, stack.stack.url, new_user(account_type="board_staff", centre=None))
    yield board
    board.page.context.close()


def unit_box(page, unit):
    """The unit on the IAMIS page, its series box expanded ("Click on a title to expand the box")."""
    page.goto("/iamis")
    series = page.locator(f"details:has(#unit-{unit['id']})")
    if series.get_attribute("open") is None:
        series.locator("summary").click()
    return page.locator(f"#unit-{unit['id']}")


def open_unit(page, unit) -> None:
    unit_box(page, unit).locator("a.button").first.click()  # ENTER MARKS (… DONE, … LEFT), in either language
    expect(page.locator("#marksheet")).to_be_visible()


def field(page, number: str, column: int):
    return page.locator(f"#field-{number}-{column}")


def type_and_tab(page, number: str, column: int, value: str) -> None:
    box = field(page, number, column)
    box.click()
    box.fill(value)
    page.keyboard.press("Tab")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_teacher_enters_every_mark_with_the_keyboard_submits_and_the_sheet_locks(page, new_user, board, lang):
    say = Wording(lang)
    unit = board.unit(candidates=3)
    first, second, third = unit["numbers"]
    sign_in(page, new_user())
    page.get_by_role("button", name=say.language_button).click()
    box = unit_box(page, unit)
    expect(box).to_contain_text(say("ENTER MARKS (%(done)s DONE, %(left)s LEFT)", done=0, left=3))
    expect(box).to_contain_text(say("NO MARKS TO SUBMIT (%(count)s SUBMITTED)", count=0))
    expect(box).to_contain_text(say.plural("%(num)d MARK MISSING", "%(num)d MARKS MISSING", 3))
    open_unit(page, unit)

    field(page, first, 0).click()  # from here the column is done with the keyboard alone
    page.keyboard.type("15")
    page.keyboard.press("Tab")  # TAB goes down the column
    expect(field(page, second, 0)).to_be_focused()
    expect(field(page, first, 0)).to_have_class(SAVED)
    page.keyboard.type("41")
    page.keyboard.press("Tab")
    expect(field(page, third, 0)).to_be_focused()
    expect(page.locator(f"#field-{second}-0-message")).to_contain_text("40")
    expect(field(page, second, 0)).to_have_value("41")  # the teacher's input stays for correction
    expect(field(page, second, 0)).to_have_class(ERROR)
    page.keyboard.press("Shift+Tab")
    expect(field(page, second, 0)).to_be_focused()
    page.keyboard.type("22")
    page.keyboard.press("Tab")
    expect(field(page, second, 0)).to_have_class(SAVED)
    page.keyboard.type("a")
    page.keyboard.press("Tab")
    expect(field(page, third, 0)).to_have_value("A")  # absent, shown as A on leaving the box

    type_and_tab(page, first, 1, "30")
    type_and_tab(page, second, 1, "18")
    expect(page.locator("#marksheet")).to_contain_text("45")  # the total of 15 + 30

    type_and_tab(page, first, 2, "ab")
    expect(field(page, first, 2)).to_have_class(SAVED)
    field(page, second, 2).click()
    expect(field(page, second, 2)).to_have_value("AB")  # the last initials are offered for the next candidate
    page.keyboard.press("Tab")
    expect(field(page, second, 2)).to_have_class(SAVED)

    page.get_by_role("button", name=say("SAVE AND CLOSE")).first.click()
    box = page.locator(f"#unit-{unit['id']}")
    expect(box).to_contain_text(say("ENTER MARKS (%(done)s DONE, %(left)s LEFT)", done=3, left=0))
    box.get_by_role("link", name=say("SUBMIT MARKS AND GENERATE SAMPLES (%(count)s)", count=3)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(say("Are you sure you want to submit marks?"))
    page.get_by_role("button", name=say("OK"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        say("INTERNAL ASSESSMENT MARKING - %(unit)s MARKS SUBMITTED", unit=unit_title(unit)))
    expect(page.locator("main")).to_contain_text(say("Subject/Paper: %(code)s Submitted: %(count)s",
                                                     code=unit["code"], count=3))

    box = unit_box(page, unit)
    expect(box).to_contain_text(say("ALL MARKS SUBMITTED (%(count)s)", count=3))
    expect(box.get_by_role("link", name=say("VIEW SAMPLES"))).to_be_visible()
    page.goto(f"/iamis/units/{unit['id']}")
    expect(page.locator("#marksheet input")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(say(LOCKED_TEXT)[:40])
    csrf = page.locator("meta[name=csrf-token]").get_attribute("content")
    refused = page.request.patch(f"/api/marks/v1/centres/68101/units/{unit['id']}/candidates/{first}",
                                 data={"field": "task:Task 1", "value": "16", "previous": "15"},
                                 headers={"X-CSRFToken": csrf})
    assert refused.status == 423 and LOCKED in refused.json()["message"]


def unit_title(unit) -> str:
    return f"{unit['series']['name']} {unit['title']} ({unit['code']})"


def test_an_outcomes_unit_is_completed_with_absent_confirmed_and_submitted(page, new_user, board):
    unit = board.unit(kind="outcomes", tasks=(), grades=("Pass", "Merit", "Distinction"), candidates=2)
    first, second = unit["numbers"]
    sign_in(page, new_user())
    open_unit(page, unit)
    field(page, first, 0).select_option("Merit")
    expect(field(page, first, 0)).to_have_class(SAVED)
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    field(page, second, 0).select_option("Absent")
    expect(field(page, second, 0)).to_have_class(SAVED)
    assert "please note an ABSENT should only be used if a candidate is absent" in messages[0]

    unit_box(page, unit).get_by_role("link", name="SUBMIT OUTCOMES AND GENERATE SAMPLES (2)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to submit outcomes?")
    page.get_by_role("button", name="OK").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("OUTCOMES SUBMITTED")


def test_a_late_entry_loaded_by_board_staff_appears_on_the_marksheet(page, new_user, board, tmp_path):
    unit = board.unit(candidates=2)
    sign_in(page, new_user())
    open_unit(page, unit)
    expect(page.locator("#marksheet tbody tr")).to_have_count(2)

    board.page.goto(f"/board/units/{unit['id']}/entries")
    late = tmp_path / "late.csv"
    late.write_text("centre,candidate_number,surname,forename,date_of_birth\n68101,1099,PRYCE,GARETH,14/03/2009\n")
    board.page.locator("input[type=file]").set_input_files(late)
    board.page.locator("main form button[type=submit]").click()
    expect(board.page.locator("main")).to_contain_text("1")

    page.reload()
    expect(page.locator("#marksheet tbody tr")).to_have_count(3)
    expect(page.locator("#marksheet")).to_contain_text("PRYCE")


def test_a_value_someone_else_changed_is_never_silently_overwritten(page, browser, stack, new_user, board):
    unit = board.unit(candidates=2)
    number = unit["numbers"][0]
    first_teacher, second_teacher = new_user(), new_user()
    sign_in(page, first_teacher)
    open_unit(page, unit)
    other = browser.new_context(base_url=stack.stack.url).new_page()
    sign_in(other, second_teacher)
    open_unit(other, unit)

    type_and_tab(page, number, 0, "10")
    expect(field(page, number, 0)).to_have_class(SAVED)
    type_and_tab(other, number, 0, "12")
    expect(other.locator(f"#field-{number}-0-message")).to_contain_text("10")
    page.reload()
    expect(field(page, number, 0)).to_have_value("10")
    other.context.close()


def test_a_bad_mis_file_changes_nothing_and_lists_every_bad_row(page, new_user, board, tmp_path):
    unit = board.unit(candidates=2)
    first, second = unit["numbers"]
    sign_in(page, new_user())
    open_unit(page, unit)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"candidate_number,Task 1,Task 2,initials\n{first},15,20,AB\n{second},55,20,AB\n9999,1,1,AB\n")
    page.get_by_label("Import marks from a CSV file").set_input_files(bad)
    page.get_by_role("button", name="IMPORT", exact=True).click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(second)
    expect(summary).to_contain_text("9999")
    open_unit(page, unit)
    expect(field(page, first, 0)).to_have_value("")

    good = tmp_path / "good.csv"
    good.write_text(f"candidate_number,Task 1,Task 2,initials\n{first},15,20,AB\n{second},35,20,CD\n")
    page.get_by_label("Import marks from a CSV file").set_input_files(good)
    page.get_by_role("button", name="IMPORT", exact=True).click()
    open_unit(page, unit)
    expect(field(page, second, 0)).to_have_value("35")
    expect(page.locator("#marksheet-counts")).to_contain_text("2")
