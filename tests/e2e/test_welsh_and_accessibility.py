"""Every page in English and Welsh, with axe finding no serious or critical violation."""
import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

AXE = Axe()


def assert_accessible(page, what: str) -> None:
    violations = [v for v in AXE.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert not violations, (what, [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations])


def choose_language(page, name: str) -> None:
    page.get_by_role("button", name=name).click()


def submit(page, field: str, value: str) -> None:
    """Fill the step's one field and press its button, whatever the language of the labels."""
    page.locator(f"main form input[name={field}]").fill(value)
    page.locator("main form button[type=submit]").click()


def test_the_welsh_choice_changes_the_text_and_is_remembered(page):
    page.goto("/sign-in")
    choose_language(page, "Cymraeg")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mewngofnodi i'r Porth")
    expect(page.get_by_label("Cyfeiriad e-bost")).to_be_visible()
    page.goto("/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mewngofnodi i'r Porth")
    choose_language(page, "English")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Portal Sign In")


@pytest.mark.parametrize("language,lang", [("English", "en"), ("Cymraeg", "cy")])
def test_every_page_is_accessible(page, browser, stack, new_user, language, lang):
    page.goto("/sign-in")
    choose_language(page, language)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert_accessible(page, "sign-in: email")
    submit(page, "email", "")
    assert_accessible(page, "sign-in: email with an error")

    enrolling = new_user(enrolled=False)
    submit(page, "email", enrolling.email)
    assert_accessible(page, "sign-in: password")
    submit(page, "password", "wrong")
    assert_accessible(page, "sign-in: failure message")
    submit(page, "password", enrolling.password)
    assert_accessible(page, "sign-in: MFA enrolment with the QR code")

    teacher = new_user(permissions=("iamis",))
    page.goto("/sign-in")
    submit(page, "email", teacher.email)
    submit(page, "password", teacher.password)
    assert_accessible(page, "sign-in: authentication code")
    submit(page, "code", pyotp.TOTP(teacher.secret).now())
    for path in ("/", "/menu", "/iamis", "/iamis/reports", "/guide"):
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert_accessible(page, path)

    refused = browser.new_context(base_url=stack.stack.url).new_page()
    refused.goto("/sign-in")
    choose_language(refused, language)
    no_iamis = new_user(permissions=())
    submit(refused, "email", no_iamis.email)
    submit(refused, "password", no_iamis.password)
    submit(refused, "code", pyotp.TOTP(no_iamis.secret).now())
    refused.goto("/iamis")
    assert_accessible(refused, "the IAMIS refusal")
    refused.context.close()
