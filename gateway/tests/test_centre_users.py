"""Centre Users pages with the fake identity: the menu, Manage Users, Invite User, access, removal, refusals."""
import re

import pytest

from gateway.testing import text_of
from gateway.testing.fake_centre_users import ALL_PERMISSIONS


@pytest.fixture
def officer(identity):
    return identity.add_user("eo@demo-centre.example", name="Eleri Evans", account_type="exams_officer",
                             centres=["68101"], permissions=ALL_PERMISSIONS)


@pytest.fixture
def as_officer(browser, officer):
    browser.sign_in(officer["email"])
    return browser


def invite(browser, **fields):
    form = {"first_name": "Joe", "last_name": "Bloggs", "email": "j.bloggs@wjec.example", "language": "en",
            "account_type": "user", **fields}
    browser.get("/centre/68101/users/invite")
    return browser.post("/centre/68101/users/invite", form, follow_redirects=True)


def test_the_centre_number_menu_leads_exams_officers_to_centre_users(as_officer):
    html = as_officer.get("/").get_data(as_text=True)
    menu = re.search(r'<details class="centre-menu">.*?</details>', html, re.S).group(0)
    assert '<span class="visually-hidden">Centre </span>68101</summary>' in menu
    assert '<a href="/centre/68101/users">Centre Users</a>' in menu and 'href="/centre/68101/audit"' in menu


def test_a_teacher_has_no_centre_menu_and_is_refused_the_pages(browser, teacher):
    browser.sign_in(teacher["email"])
    assert "centre-menu" not in browser.get("/").get_data(as_text=True)
    for path in ("/centre/68101/users", "/centre/68101/users/invite", "/centre/68101/audit",
                 f"/centre/68101/users/{teacher['sub']}/access"):
        refused = browser.get(path)
        assert refused.status_code == 403
        assert "Only Exams Officer and Admin accounts can manage a centre's users." in text_of(refused)


def test_another_centres_pages_are_not_found(as_officer, identity):
    stranger = identity.add_user("t@other.example", centres=["68102"])
    for path in ("/centre/68102/users", "/centre/68102/audit", f"/centre/68101/users/{stranger['sub']}/access",
                 f"/centre/68101/users/{stranger['sub']}/remove", "/centre/68101/users/no-such-user/access"):
        response = as_officer.get(path)
        assert response.status_code == 404 and "Page not found" in text_of(response)


def test_manage_users_lists_name_last_logged_in_and_status(as_officer, identity):
    invite(as_officer)
    response = as_officer.get("/centre/68101/users")
    page, html = text_of(response), response.get_data(as_text=True)
    assert "Manage Users" in page and "Invite User" in page and "Filter users" in page
    assert "Name Last logged in Status" in page
    assert "Eleri Evans eo@demo-centre.example · Exams Officer 16 Sep 2025 15:03 Active" in page
    assert "Joe Bloggs j.bloggs@wjec.example · User - Invite sent" in page
    assert '<span class="visually-hidden">Actions for Joe Bloggs</span>' in html
    filtered = text_of(as_officer.get("/centre/68101/users?q=bloggs"))
    assert "Joe Bloggs" in filtered and "Eleri Evans" not in filtered


def test_invite_user_shows_the_guides_form_and_sends_the_invite(as_officer, identity):
    page = text_of(as_officer.get("/centre/68101/users/invite"))
    for words in ("Invite a new user to centre 68101.", "First name", "Last name", "Email address",
                  "Language preference", "English", "Cymraeg", "Account type",
                  "Admin accounts have the same access as examination officer accounts.",
                  "User accounts are able to view resources, results and reports (restrictions available). "
                  "They are NOT able to access administrative functionality.",
                  "The user will receive an invite to the above email address.", "Send invite"):
        assert words in page
    sent = invite(as_officer, language="cy")
    assert "An invite has been sent to Joe Bloggs at j.bloggs@wjec.example." in text_of(sent)
    assert identity.centre_users.sent[-1]["language"] == "cy"


@pytest.mark.parametrize("fields,message", [
    ({"first_name": " "}, "Enter the user's first name"),
    ({"last_name": ""}, "Enter the user's last name"),
    ({"email": "not-an-email"}, "Enter an email address in the correct format, like name@example.com"),
    ({"language": "fr"}, "Select a language preference"),
    ({"account_type": "exams_officer"}, "Select an account type"),
    ({"email": "eo@demo-centre.example"}, "A user with this email address already exists"),
])
def test_a_bad_invite_says_what_to_fix_and_creates_nothing(as_officer, identity, fields, message):
    accounts_before = len(identity.accounts)
    response = invite(as_officer, **fields)
    html, page = response.get_data(as_text=True), text_of(response)
    assert response.status_code == 200 and "There is a problem" in page
    assert re.search(rf'<a href="#\w+">{re.escape(message)}', html.replace("&#39;", "'"))
    assert page.count(message) == 2  # in the summary and beside the field
    assert len(identity.accounts) == accounts_before and not identity.centre_users.sent


def test_manage_access_grants_iamis_with_the_guides_toggles(as_officer, identity, teacher):
    teacher_id = teacher["sub"]
    identity.accounts[teacher["email"]]["claims"]["permissions"] = []
    page = text_of(as_officer.get(f"/centre/68101/users/{teacher_id}/access"))
    for words in ("Manage access for Sam Jones teacher@school.example", "Access Arrangements/CAP",
                  "Grants access to the JCQ Centre Admin Portal", "Entries and Results", "IAMIS",
                  "Grants access to users Internal Assessment Mark Input screens.", "Past Paper",
                  "Marking Schemes and Resources", "View Scripts", "Confirm access permissions"):
        assert words in page
    done = as_officer.post(f"/centre/68101/users/{teacher_id}/access",
                           {"account_type": "user", "permissions": ["iamis", "view_scripts"]}, follow_redirects=True)
    assert "Access permissions for Sam Jones have been updated." in text_of(done)
    assert identity.accounts[teacher["email"]]["claims"]["permissions"] == ["iamis", "view_scripts"]


def test_an_admin_is_told_they_cannot_remove_their_own_admin_rights(browser, identity, officer):
    admin = identity.add_user("admin@demo-centre.example", name="Alun Price", account_type="admin",
                              centres=["68101"], permissions=ALL_PERMISSIONS)
    browser.sign_in(admin["email"])
    browser.get(f"/centre/68101/users/{admin['sub']}/access")
    refused = browser.post(f"/centre/68101/users/{admin['sub']}/access", {"account_type": "user"})
    assert refused.status_code == 200
    assert "You cannot remove your own admin rights." in text_of(refused)
    assert identity.accounts[admin["email"]]["claims"]["account_type"] == "admin"


def test_remove_user_asks_first_then_ends_their_sessions(as_officer, identity, app, teacher):
    from gateway.testing import Browser
    teachers_browser = Browser(app.test_client())
    teachers_browser.sign_in(teacher["email"])
    confirm = text_of(as_officer.get(f"/centre/68101/users/{teacher['sub']}/remove"))
    assert "Are you sure you want to remove Sam Jones (teacher@school.example) from centre 68101?" in confirm
    assert teacher["email"] in identity.accounts  # asking changes nothing
    done = as_officer.post(f"/centre/68101/users/{teacher['sub']}/remove", follow_redirects=True)
    assert "Sam Jones has been removed from centre 68101." in text_of(done)
    assert "Sam Jones" not in text_of(as_officer.get("/centre/68101/users"))
    assert teachers_browser.get("/").headers["Location"].startswith("/sign-in")


def test_nobody_removes_themselves_or_the_last_exams_officer(as_officer, officer, identity, browser):
    refused = as_officer.post(f"/centre/68101/users/{officer['sub']}/remove")
    assert "You cannot remove your own account." in text_of(refused)
    admin = identity.add_user("admin@demo-centre.example", account_type="admin", centres=["68101"])
    browser.get("/sign-in")
    browser.post("/sign-out")
    browser.sign_in(admin["email"])
    refused = browser.post(f"/centre/68101/users/{officer['sub']}/remove")
    assert "This is the centre's only Exams Officer account, so it cannot be removed" in text_of(refused)
    assert officer["email"] in identity.accounts
