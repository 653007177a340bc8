"""The mark-entry and board pages in English and Welsh, with axe finding no serious or critical violation."""
import pytest
from playwright.sync_api import expect

from .board_setup import board_for
from .test_welsh_and_accessibility import assert_accessible, choose_language
from .signing_in import sign_in
from .test_mark_entry import SAVED


@pytest.mark.parametrize("language,lang", [("English", "en"), ("Cymraeg", "cy")])
def test_every_mark_page_is_accessible(page, browser, stack, new_user, language, lang):
    staff = board_for(browser, stack.stack.url, new_user(account_type="board_staff", centre=None))
    unit = staff.unit(candidates=2, initials=True)
    outcomes = staff.unit(kind="outcomes", tasks=(), grades=("Pass", "Merit", "Distinction"), candidates=1)

    choose_language(staff.page, language)
    for path in ("/board/series", f"/board/series/{unit['series']['id']}", f"/board/units/{unit['id']}/entries"):
        staff.page.goto(path)
        expect(staff.page.locator("html")).to_have_attribute("lang", lang)
        assert_accessible(staff.page, path)
    staff.page.context.close()

    sign_in(page, new_user())
    choose_language(page, language)
    page.goto(f"/iamis?series={unit['series']['id']}")
    assert_accessible(page, "the IAMIS page with units")
    for target in (unit, outcomes):
        page.goto(f"/iamis/units/{target['id']}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert_accessible(page, f"the {target['kind']} marksheet")
    page.goto(f"/iamis/units/{unit['id']}")
    first, second = unit["numbers"]
    page.locator(f"#field-{first}-0").fill("41")
    page.keyboard.press("Tab")
    expect(page.locator(f"#field-{first}-0-message")).not_to_be_empty()
    assert_accessible(page, "a marksheet with a refused mark")
    page.goto(f"/iamis/units/{unit['id']}/print")
    assert_accessible(page, "the print view")

    page.goto(f"/iamis/units/{outcomes['id']}")
    page.locator(f"#field-{outcomes['numbers'][0]}-0").select_option("Pass")
    expect(page.locator(f"#field-{outcomes['numbers'][0]}-0")).to_have_class(SAVED)
    page.goto(f"/iamis?series={outcomes['series']['id']}")
    page.locator(f"#unit-{outcomes['id']} a.button--submit").click()
    assert_accessible(page, "the submit confirmation")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(outcomes["code"])
    assert_accessible(page, "the submitted page")
    page.goto(f"/iamis/units/{outcomes['id']}")
    assert_accessible(page, "a locked marksheet")
    page.goto("/iamis/amendments")
    assert_accessible(page, "the amendment page")
