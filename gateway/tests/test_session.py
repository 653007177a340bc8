"""The browser session: signing out, a session ended elsewhere, identity being down, the cache."""
from gateway.testing import text_of

from gateway.session_cache import SessionCache


def test_sign_out_ends_the_identity_session_and_says_so(browser, teacher, identity):
    browser.sign_in(teacher["email"])
    assert len(identity.sessions) == 1
    response = browser.post("/sign-out")
    assert response.headers["Location"] == "/sign-in"
    assert identity.sessions == {}
    page = text_of(browser.get("/sign-in"))
    assert "You have signed out." in page and "Portal Sign In" in page
    assert browser.get("/").headers["Location"] == "/sign-in?next=/"


def test_sign_out_button_is_in_the_header_only_when_signed_in(browser, teacher):
    assert "Sign out" not in text_of(browser.get("/sign-in"))
    browser.sign_in(teacher["email"])
    html = browser.get("/").get_data(as_text=True)
    assert '<form method="post" action="/sign-out"' in html and ">Sign out</button>" in html


def test_pages_need_sign_in_and_remember_where_you_were_going(browser):
    response = browser.get("/iamis?unit=1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/sign-in?next=/iamis?unit%3D1"


def test_a_session_ended_elsewhere_sends_you_to_sign_in_with_a_message(browser, teacher, identity):
    browser.sign_in(teacher["email"])
    identity.end_all_sessions()
    response = browser.get("/menu")
    assert response.headers["Location"] == "/sign-in?next=/menu"
    assert "Your session has ended. Sign in again." in text_of(browser.get("/sign-in?next=/menu"))
    assert browser.cookie() is None or "sid" not in browser.cookie().value


def test_identity_down_gives_a_page_that_says_what_to_do(browser, teacher, identity):
    browser.sign_in(teacher["email"])
    identity.reachable = False
    response = browser.get("/menu")
    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in text_of(response)


def test_pages_within_the_cache_time_ask_identity_once(app_config, identity, teacher):
    from gateway.testing import Browser

    from gateway import create_app
    browser = Browser(create_app(dict(app_config, AUTH_CACHE_SECONDS=60)).test_client())
    browser.sign_in(teacher["email"])
    browser.get("/")
    browser.get("/menu")
    assert [path for method, path, _ in identity.calls if method == "GET"] == []


def test_cache_forgets_claims_after_its_time():
    now = [100.0]
    cache = SessionCache(3, clock=lambda: now[0])
    cache.put("s1", {"sub": "u1"})
    now[0] = 102.9
    assert cache.get("s1") == {"sub": "u1"}
    now[0] = 103.0
    assert cache.get("s1") is None


def test_session_cookie_is_secure_httponly_and_lax(browser):
    header = browser.get("/sign-in").headers["Set-Cookie"]
    assert header.startswith("iamis_session=")
    assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header


def test_identity_learns_where_a_sign_in_came_from_for_its_audit_log(browser, teacher, identity):
    browser.client.environ_base.update(REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox/140")
    browser.sign_in(teacher["email"])
    assert identity.origins and set(identity.origins) == {("203.0.113.9", "Firefox/140")}
