"""The guide: "If a moderator or WJEC representative contact the centre to request further samples the centre should
check the input screen to see which candidates have been identified as additional samples and ensure that files of
evidence are uploaded for them." The centre submits 3653U1; the demo moderator, allocated to 68101, opens the unit
under Menu → Moderation → Evidence, ticks a candidate not in the sample and presses REQUEST FURTHER SAMPLES; the
teacher's Show: Samples then lists that candidate as requested by the moderator, with an Upload button, and the
teacher cannot take them out. The moderator's page is axe clean with the new section."""
import re

from playwright.sync_api import expect

from .evidence_steps import CANDIDATES, SAMPLED, mark_and_submit, portfolio_unit, upload_inputs_when_ready, wait_for
from .signing_in import sign_in
from .test_moderator_evidence import demo_moderator
from .test_welsh_and_accessibility import assert_accessible
from .wording import Wording

REQUESTED = "Requested by the moderator"


def open_unit_as_moderator(page, unit: dict):
    """Menu → Moderation → Evidence → the unit, once the evidence and moderation services have heard of it."""
    page.goto("/menu")
    page.get_by_role("link", name="Evidence", exact=True).click()
    link = page.locator(f'main a[href="/moderation/evidence/68101/units/{unit["id"]}"]')

    def listed() -> bool:
        if link.count():
            return True
        page.reload()
        return False
    assert wait_for(listed), "gave up waiting for the unit in the moderator's list"
    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(unit["code"])
    boxes = page.locator("#further-samples input[type=checkbox]")

    def offered() -> bool:
        if boxes.count():
            return True
        page.reload()
        return False
    assert wait_for(offered), "gave up waiting for the candidates to request in the moderation service"
    return boxes


def test_the_moderator_requests_a_further_sample_and_the_centre_must_send_it(page, browser, stack, new_user,
                                                                            identity_uow):
    say = Wording("en")
    unit = portfolio_unit(browser, stack, new_user(account_type="board_staff", centre=None), CANDIDATES)
    mark_and_submit(page, new_user(), unit)
    upload_inputs_when_ready(page, unit, SAMPLED)

    moderator = browser.new_context(base_url=stack.stack.url).new_page()
    sign_in(moderator, demo_moderator(identity_uow))
    boxes = open_unit_as_moderator(moderator, unit)
    expect(moderator.get_by_role("heading", name="Request further samples")).to_be_visible()
    expect(boxes).to_have_count(CANDIDATES - SAMPLED)
    assert_accessible(moderator, "the moderator's unit page with Request further samples")

    button = moderator.get_by_role("button", name="REQUEST FURTHER SAMPLES")
    button.click()  # nothing ticked: refused, nothing requested
    expect(moderator.locator(".error-summary")).to_contain_text(
        say("Choose at least one candidate to request as a further sample"))
    assert_accessible(moderator, "the moderator's unit page with an error summary")

    number = boxes.first.get_attribute("value")
    name = moderator.locator(f'tr[data-further="{number}"] td').nth(1).inner_text()
    ticked = moderator.get_by_label(f"Request {number} {name}")
    ticked.focus()
    moderator.keyboard.press("Space")  # the keyboard alone ticks and sends
    expect(ticked).to_be_checked()
    button.focus()
    moderator.keyboard.press("Enter")
    expect(moderator.get_by_role("status")).to_contain_text(say(
        "You have requested further samples: %(candidates)s. The centre will see them in its sample, requested by "
        "the moderator.", candidates=f"{number} {name}"))
    expect(moderator.locator(f'tr[data-further="{number}"]')).to_have_count(0)
    expect(moderator.locator("#further-samples")).to_contain_text(re.compile(rf"by Mared Hughes: {number}"))
    assert_accessible(moderator, "the moderator's unit page after the request")
    moderator.context.close()

    upload_inputs_when_ready(page, unit, SAMPLED + 1)  # the sample reaches the marksheet and evidence by the bus
    row = page.locator(f'#marksheet tr[data-candidate="{number}"]')
    expect(row.locator(".marksheet__reason")).to_have_text(say(REQUESTED))
    expect(row.get_by_label(re.compile(rf"^Upload evidence for {number} "))).to_have_count(1)
    expect(page.get_by_role("button", name=f"Remove {number} from the sample")).to_have_count(0)
    forged = page.request.post(f"/iamis/units/{unit['id']}/sample/remove", form={
        "csrf_token": page.locator("meta[name=csrf-token]").get_attribute("content"), "candidate_number": number})
    assert forged.status == 409 and say("You cannot remove candidates requested by the moderator") in forged.text()
    upload_inputs_when_ready(page, unit, SAMPLED + 1)
    expect(page.locator(f'#marksheet tr[data-candidate="{number}"]')).to_contain_text(say(REQUESTED))
