"""The Portal pages around IAMIS: what each shows, to whom, and what every page has."""
import re

import pytest

from gateway.testing import text_of

ALL_PERMISSIONS = ["access_arrangements", "entries_results", "iamis", "past_papers", "marking_schemes",
                   "view_scripts"]


def test_home_welcomes_with_the_guides_text(browser, teacher):
    browser.sign_in(teacher["email"])
    page = text_of(browser.get("/"))
    assert "Welcome to Portal" in page
    assert ("WJEC's Portal is the central location for registered centres to access WJEC services, "
            "including:") in page


def test_menu_lists_sections_with_examinations_selected_and_the_iamis_link(browser, identity):
    identity.add_user("eo@school.example", account_type="exams_officer", permissions=ALL_PERMISSIONS)
    browser.sign_in("eo@school.example")
    html = browser.get("/menu").get_data(as_text=True)
    selected = r'href="/menu\?section=exams" aria-current="page">Examinations &(amp;)? Assessments'
    assert re.search(selected, html)
    assert '<a href="/iamis">Internal Assessment Marks/Outcomes</a>' in html
    assert "Assessments" in text_of(browser.get("/menu"))


def test_menu_hides_the_iamis_link_without_the_permission(browser, identity):
    identity.add_user("results@school.example", permissions=["entries_results"])
    browser.sign_in("results@school.example")
    response = browser.get("/menu")
    assert 'href="/iamis"' not in response.get_data(as_text=True)
    assert "The Examinations Officer will need to change your account type." in text_of(response)


def test_a_moderators_menu_leads_to_moderation_not_to_mark_entry_whatever_permissions_they_hold(browser, identity):
    identity.add_user("moderator@board.example", account_type="moderator", centres=[], permissions=ALL_PERMISSIONS)
    browser.sign_in("moderator@board.example")
    response = browser.get("/menu?section=exams")
    assert 'href="/iamis"' not in response.get_data(as_text=True)
    assert "Examinations Officer" not in text_of(response)
    assert "As a moderator you see the samples and evidence of your centres under Moderation" in text_of(response)
    assert '<a href="/menu?section=moderation">Moderation</a>' in response.get_data(as_text=True)
    assert browser.get("/iamis").status_code == 403


def test_header_menu_button_is_a_real_link_to_the_menu(browser):
    html = browser.get("/sign-in").get_data(as_text=True)
    assert '<a class="header__menu" href="/menu">Menu</a>' in html


def test_iamis_page_shows_the_guides_text_links_and_no_units_yet(browser, teacher):
    browser.sign_in(teacher["email"])
    response = browser.get("/iamis")
    page, html = text_of(response), response.get_data(as_text=True)
    for words in ("Internal Assessment Mark/Outcomes Input",
                  "Please remember to submit the marks/outcomes you have entered by clicking the "
                  "SUBMIT MARKS/OUTCOMES button.",
                  "Centres can input marks/outcomes for candidates on the web page provided that the entry "
                  "has been submitted to, and processed by, WJEC.",
                  "teachers should allow 72 hours before trying to input the mark.",
                  "If an incorrect mark/outcome has been submitted",
                  "INFO: Click on a title to expand the box", "There are no units for your centre yet."):
        assert words in page
    assert 'href="/iamis/reports">VIEW / PRINT REPORTS</a>' in html
    assert 'href="/guide">STEP-BY-STEP GUIDE</a>' in html
    assert "No reports are available yet." in text_of(browser.get("/iamis/reports"))
    assert "is available from WJEC" in text_of(browser.get("/guide"))


@pytest.mark.parametrize("path", ["/iamis", "/iamis/reports"])
def test_iamis_refuses_users_without_the_permission(browser, identity, path):
    identity.add_user("scripts@school.example", permissions=["view_scripts"])
    browser.sign_in("scripts@school.example")
    response = browser.get(path)
    assert response.status_code == 403
    page = text_of(response)
    assert "You do not have access to Internal Assessment Marks/Outcomes." in page
    assert ("If the above is not visible, the Examinations Officer will need to change your account type. "
            "Please get in touch with them.") in page


PAGES = ["/sign-in", "/", "/menu", "/menu?section=results", "/iamis", "/iamis/reports", "/guide",
         "/no-such-page"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_lang_a_skip_link_one_h1_and_the_header(browser, teacher, path):
    if path != "/sign-in":
        browser.sign_in(teacher["email"])
    html = browser.get(path).get_data(as_text=True)
    assert '<html lang="en">' in html
    assert '<a href="#main-content" class="skip-link">Skip to main content</a>' in html
    assert '<main id="main-content"' in html
    assert len(re.findall(r"<h1\b", html)) == 1
    assert ">Menu</a>" in html and ">PORTAL</a>" in html
    assert 'lang="en"' in html.split("</header>")[0] and 'lang="cy"' in html.split("</header>")[0]


def test_every_response_carries_the_security_headers(browser):
    response = browser.get("/sign-in")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "img-src 'self' data:" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert browser.get("/healthz").headers["X-Content-Type-Options"] == "nosniff"


def test_health_and_metrics_answer(browser):
    assert browser.get("/healthz").get_json() == {"status": "ok"}
    browser.get("/sign-in")
    assert 'iamis_http_requests_total{method="GET",service="gateway"' in \
        browser.get("/metrics").get_data(as_text=True)
