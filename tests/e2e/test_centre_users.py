"""Centre Users in Chromium through nginx: an Exams Officer invites a user by email, the user sets a password
and MFA, gets IAMIS only once it is granted, and is signed out when removed; refusals for User accounts,
another centre's Exams Officer, and expired and reused links."""
import time

from playwright.sync_api import expect

from .centre_users_steps import CENTRE, MOMENT, NEW_PASSWORD, USERS, enrol_mfa, expire_invitation, fill_invite, \
    full_name, heading, invitation_email, invite_by_api, open_action, open_centre_users, set_password, show_user, \
    someone_new, user_row, wait_out_session_cache
from .signing_in import FAILED, enter_email_and_password, sign_in

IAMIS_LINK = "Internal Assessment Marks/Outcomes"


def test_an_invited_user_sets_up_their_account_and_sees_iamis_only_once_granted(page, browser, stack, new_user,
                                                                                   identity_uow):
    officer = new_user(account_type="exams_officer", permissions=())
    sign_in(page, officer)
    open_centre_users(page)
    expect(heading(page)).to_have_text("Manage Users")
    for column in ("Name", "Last logged in", "Status"):
        expect(page.get_by_role("columnheader", name=column)).to_be_visible()
    expect(user_row(page, full_name(identity_uow, officer))).to_contain_text("Active")

    page.get_by_role("link", name="Invite User").click()
    expect(page.get_by_text(f"Invite a new user to centre {CENTRE}.")).to_be_visible()
    expect(page.get_by_text("The user will receive an invite to the above email address.")).to_be_visible()
    expect(page.get_by_text("They are NOT able to access administrative functionality.")).to_be_visible()
    marker = someone_new().last_name  # in every refused form, to look for it in the list after
    fill_invite(page, "", " ", f"{marker}-at-example")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    for message in ("Enter the user's first name", "Enter the user's last name",
                    "Enter an email address in the correct format, like name@example.com"):
        expect(summary.get_by_role("link", name=message)).to_be_visible()
    fill_invite(page, "Dylan", marker, officer.email)
    expect(summary).to_contain_text("A user with this email address already exists")
    expect(show_user(page, marker)).to_have_text("No users match the filter.")

    person = someone_new()
    page.goto(f"{USERS}/invite")
    page.get_by_label("First name").fill(person.first_name)
    page.get_by_label("Last name").fill(person.last_name)
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Language preference").select_option(label="English")
    page.get_by_label("User", exact=True).check()
    page.get_by_role("button", name="Send invite").click()
    expect(page.get_by_role("status")).to_have_text(f"An invite has been sent to {person.name} at {person.email}.")
    expect(user_row(page, person.name)).to_contain_text("Invite sent")
    expect(user_row(page, person.name).locator("td").nth(1)).to_have_text("-")

    message, link = invitation_email(stack, person.email)
    assert message["subject"] == f"You have been invited to Portal for centre {CENTRE}"
    assert f"Dear {person.name}," in message["text"] and "The link works once and expires on" in message["text"]

    invitee = browser.new_context(base_url=stack.stack.url).new_page()
    invitee.goto(link)
    expect(invitee).to_have_url(f"{stack.stack.url}/invitation")  # the token leaves the address bar
    expect(heading(invitee)).to_have_text("Set up your Portal account")
    expect(invitee.get_by_text(f"Your account: {person.name}, {person.email}.")).to_be_visible()
    set_password(invitee, "short")
    expect(invitee.get_by_role("alert")).to_contain_text("Your password must be 12 characters or more")
    set_password(invitee, "Password123!")
    expect(invitee.get_by_role("alert")).to_contain_text("This password is too common and easy to guess.")
    set_password(invitee, NEW_PASSWORD)
    expect(heading(invitee)).to_have_text("Enter your password")
    expect(invitee.get_by_text(f"Signing in as {person.email}.")).to_be_visible()
    invitee.get_by_label("Password").fill(NEW_PASSWORD)
    invitee.get_by_role("button", name="Next").click()
    expect(heading(invitee)).to_have_text("Set up your authenticator app")
    enrol_mfa(invitee)
    expect(heading(invitee)).to_have_text("Welcome to Portal")
    invitee.get_by_role("link", name="Menu").click()
    expect(invitee.get_by_text("Your account does not have access to Internal Assessment")).to_be_visible()
    expect(invitee.get_by_role("link", name=IAMIS_LINK)).to_have_count(0)
    assert invitee.goto("/iamis").status == 403

    page.goto(USERS)
    page.get_by_role("searchbox", name="Filter users").fill(person.email)
    page.get_by_role("button", name="Filter", exact=True).click()
    row = page.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Active")
    expect(row.locator("td").nth(1)).to_have_text(MOMENT)
    open_action(page, person.name, "access")
    expect(heading(page)).to_have_text("Manage access")
    page.get_by_label("IAMIS", exact=True).check()
    page.get_by_role("button", name="Confirm access permissions").click()
    expect(page.get_by_role("status")).to_have_text(f"Access permissions for {person.name} have been updated.")

    # Each gateway worker keeps a session's claims for AUTH_CACHE_SECONDS (3), so every worker has the new
    # permission once that long has passed since the change: before it, one worker may show the link and the
    # next request meet another that still refuses.
    time.sleep(3.5)
    invitee.goto("/menu")
    invitee.get_by_role("link", name=IAMIS_LINK).click()
    expect(heading(invitee)).to_have_text("Internal Assessment Mark/Outcomes Input")
    last_seen = time.monotonic()

    show_user(page, person.email)
    open_action(page, person.name, "remove")
    expect(page.get_by_text(f"Are you sure you want to remove {person.name} ({person.email}) from centre "
                            f"{CENTRE}?")).to_be_visible()
    wait_out_session_cache(last_seen)
    page.get_by_role("button", name="Remove user").click()
    expect(page.get_by_role("status")).to_have_text(f"{person.name} has been removed from centre {CENTRE}.")
    expect(show_user(page, person.email)).to_have_text("No users match the filter.")

    invitee.goto("/iamis")
    expect(heading(invitee)).to_have_text("Portal Sign In")
    expect(invitee.get_by_text("Your session has ended. Sign in again.")).to_be_visible()
    enter_email_and_password(invitee, person.email, NEW_PASSWORD)
    expect(invitee.get_by_role("alert")).to_contain_text(FAILED)
    invitee.context.close()


def test_a_user_account_has_no_centre_users_menu_and_is_refused_at_the_url(page, new_user):
    sign_in(page, new_user(account_type="user", permissions=("iamis",)))
    expect(heading(page)).to_have_text("Welcome to Portal")
    expect(page.locator("summary", has_text=CENTRE)).to_have_count(0)
    for path in (USERS, f"{USERS}/invite", f"/centre/{CENTRE}/audit"):
        assert page.goto(path).status == 403, path
        expect(heading(page)).to_have_text("You do not have access to Centre Users")
    assert page.request.get(f"/api/identity/v1/centres/{CENTRE}/users").status == 403


def test_another_centres_exams_officer_cannot_see_or_change_this_centres_users(page, new_user, identity_uow):
    member = new_user(account_type="user", permissions=("iamis",))
    sign_in(page, new_user(account_type="exams_officer", permissions=(), centre=68102))
    expect(page.locator("summary", has_text="68102")).to_be_visible()
    expect(page.locator("summary", has_text=CENTRE)).to_have_count(0)
    for path in (USERS, f"{USERS}/invite", f"{USERS}/{member.id}/access", f"{USERS}/{member.id}/remove",
                 f"/centre/{CENTRE}/audit"):
        assert page.goto(path).status == 404, path
        expect(page.get_by_text(member.email)).to_have_count(0)
    csrf = page.locator("meta[name=csrf-token]").get_attribute("content")
    assert page.request.post(f"{USERS}/{member.id}/remove", form={"csrf_token": csrf}).status == 404

    api = f"/api/identity/v1/centres/{CENTRE}/users"
    headers = {"X-CSRFToken": csrf}
    assert page.request.get(api).status == 404
    assert page.request.get(f"{api}/{member.id}").status == 404
    assert page.request.put(f"{api}/{member.id}/access", headers=headers,
                            data={"account_type": "user", "permissions": []}).status == 404
    assert page.request.delete(f"{api}/{member.id}", headers=headers).status == 404
    assert page.request.post(api, headers=headers, data={
        "first_name": "Sly", "last_name": "Intruder", "email": "sly-intruder@e2e.example", "language": "en",
        "account_type": "admin"}).status == 404
    with identity_uow() as uow:
        unchanged = uow.users.get(member.id)
        assert not unchanged.is_removed and unchanged.permissions == ["iamis"]
        assert uow.users.get_by_email("sly-intruder@e2e.example") is None


def test_an_expired_link_and_a_used_link_show_their_pages(page, browser, stack, new_user, identity_uow):
    sign_in(page, new_user(account_type="exams_officer", permissions=()))
    late, prompt = someone_new("Lowri"), someone_new("Prys")
    invite_by_api(page, late)
    invite_by_api(page, prompt)
    _, late_link = invitation_email(stack, late.email)
    _, prompt_link = invitation_email(stack, prompt.email)
    expire_invitation(identity_uow, late_link)
    expect(show_user(page, late.email)).to_contain_text("Invite expired")

    invitee = browser.new_context(base_url=stack.stack.url).new_page()
    assert invitee.goto(late_link).status == 410
    expect(heading(invitee)).to_have_text("This invite link has expired")
    expect(invitee.get_by_text("Ask your Examinations Officer to send you the invite again.")).to_be_visible()

    invitee.goto(prompt_link)
    set_password(invitee, NEW_PASSWORD)
    expect(heading(invitee)).to_have_text("Enter your password")
    assert invitee.goto(prompt_link).status == 409
    expect(heading(invitee)).to_have_text("This invite link has already been used")
    assert invitee.goto(f"{prompt_link[:-4]}nope").status == 404
    expect(heading(invitee)).to_have_text("This invite link is not valid")
    invitee.context.close()
