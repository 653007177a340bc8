"""The centre's audit log in Chromium through nginx, and axe on every Centre Users, invitation and audit page in
English and Welsh (with the invite email in the invitee's language)."""
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from .centre_users_steps import CENTRE, MOMENT, NEW_PASSWORD, USERS, expire_invitation, fill_invite, full_name, \
    heading, invitation_email, invite, invite_by_api, open_action, set_password, show_user, someone_new
from .signing_in import sign_in
from .test_welsh_and_accessibility import assert_accessible, choose_language


def test_the_audit_log_shows_sign_ins_and_changes_to_users_newest_first_by_user_and_date(page, browser, stack,
                                                                                          new_user, identity_uow):
    teacher = new_user(account_type="user")
    elsewhere = browser.new_context(base_url=stack.stack.url).new_page()
    sign_in(elsewhere, teacher)
    expect(heading(elsewhere)).to_have_text("Welcome to Portal")
    elsewhere.context.close()
    officer = new_user(account_type="exams_officer", permissions=())
    sign_in(page, officer)
    person = someone_new("Alaw")
    invite(page, person)
    open_action(page, person.name, "access")
    page.get_by_label("IAMIS", exact=True).check()
    page.get_by_role("button", name="Confirm access permissions").click()
    show_user(page, person.email)
    open_action(page, person.name, "remove")
    page.get_by_role("button", name="Remove user").click()

    page.locator("summary", has_text=CENTRE).click()
    page.get_by_role("link", name="Audit log").click()
    expect(heading(page)).to_have_text("Audit log")
    expect(page.locator("tbody tr", has_text=full_name(identity_uow, teacher)).first).to_contain_text("Signed in")
    page.get_by_label("User", exact=True).select_option(officer.id)
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("tbody tr")
    expect(rows.locator("td:nth-child(3)")).to_have_text(
        ["Removed a user", "Changed a user's access", "Invited a user", "Signed in"])
    expect(rows.locator("td:nth-child(4)")).to_have_text([person.name, person.name, person.name, "-"])
    expect(rows.locator("td:nth-child(2)")).to_have_text([full_name(identity_uow, officer)] * 4)
    expect(rows.locator("td:nth-child(1)")).to_have_text([MOMENT] * 4)

    page.get_by_label("From").fill((date.today() + timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_text(["No entries match the filter."])


INVITE_EMAILS = {
    "en": (f"You have been invited to Portal for centre {CENTRE}", "Dear {name},",
           "To set up your account, open this link and choose a password:"),
    "cy": (f"Rydych wedi cael gwahoddiad i'r Porth ar gyfer canolfan {CENTRE}", "Annwyl {name},",
           "I sefydlu eich cyfrif, agorwch y ddolen hon a dewiswch gyfrinair:"),
}
SET_UP_HEADINGS = {"en": "Set up your Portal account", "cy": "Sefydlu eich cyfrif Porth"}


@pytest.mark.parametrize("language,lang", [("English", "en"), ("Cymraeg", "cy")])
def test_the_centre_users_invitation_and_audit_pages_are_accessible_in_either_language(
        page, browser, stack, new_user, identity_uow, language, lang):
    sign_in(page, new_user(account_type="exams_officer", permissions=()))
    choose_language(page, language)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("summary", has_text=CENTRE).click()
    assert_accessible(page, "the centre menu, open")
    page.goto(f"{USERS}/invite")
    assert_accessible(page, "Invite User")
    fill_invite(page, "", "", "not-an-email")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, "Invite User with errors")
    person, late = someone_new("Elin"), someone_new("Hywel")
    invite(page, person, lang)
    expect(page.get_by_role("status")).to_contain_text(person.email)
    assert_accessible(page, "Manage Users with a notice")
    open_action(page, person.name, "access")
    assert_accessible(page, "Manage access")
    page.go_back()
    open_action(page, person.name, "remove")
    assert_accessible(page, "Remove user")
    page.goto(f"/centre/{CENTRE}/audit")
    assert_accessible(page, "Audit log")
    page.goto(f"/centre/{CENTRE}/audit?since=2025-02-30")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, "Audit log with a bad date")

    message, link = invitation_email(stack, person.email)
    subject, greeting, instruction = INVITE_EMAILS[lang]
    assert message["subject"] == subject
    assert greeting.format(name=person.name) in message["text"] and instruction in message["text"]
    invitee = browser.new_context(base_url=stack.stack.url).new_page()
    invitee.goto(link)  # the invitee has chosen no language here: the pages follow their preference
    expect(invitee.locator("html")).to_have_attribute("lang", lang)
    expect(heading(invitee)).to_have_text(SET_UP_HEADINGS[lang])
    assert_accessible(invitee, "invitation: set a password")
    set_password(invitee, NEW_PASSWORD, "Different-Words-Entirely-9")
    expect(invitee.get_by_role("alert")).to_be_visible()
    assert_accessible(invitee, "invitation: set a password, with an error")
    set_password(invitee, NEW_PASSWORD)
    expect(invitee.locator("main form input[name=password]")).to_be_empty()
    invitee.goto(link)
    assert_accessible(invitee, "invitation: the link was used")
    invitee.goto("/invitation/not-a-real-link")
    assert_accessible(invitee, "invitation: the link is not valid")
    _, late_link = invitation_email(stack, invite_by_api(page, late, lang)["email"])
    expire_invitation(identity_uow, late_link)
    invitee.goto(late_link)
    expect(invitee.locator("html")).to_have_attribute("lang", lang)
    assert_accessible(invitee, "invitation: the link has expired")
    invitee.context.close()

    refused = browser.new_context(base_url=stack.stack.url).new_page()
    sign_in(refused, new_user(account_type="user"))
    choose_language(refused, language)
    assert refused.goto(USERS).status == 403
    expect(refused.locator("html")).to_have_attribute("lang", lang)
    assert_accessible(refused, "Centre Users refused to a User account")
    refused.context.close()
