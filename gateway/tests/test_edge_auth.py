"""/_auth: nginx asks it before every /api/<service>/ call; it answers with a token for that service."""
import jwt
import pytest

from iamis_shared.tokens import TokenVerifier


def ask(browser, uri="/api/marks/v1/units", method="GET", headers=None):
    return browser.client.get("/_auth", headers={"X-Original-URI": uri, "X-Original-Method": method,
                                                 **(headers or {})})


def test_without_a_session_the_answer_is_401(browser):
    assert ask(browser).status_code == 401


@pytest.mark.parametrize("service", ["marks", "identity", "evidence"])
def test_a_signed_in_browser_gets_a_token_for_the_service_in_the_uri(browser, teacher, token_keys, service):
    browser.sign_in(teacher["email"])
    response = ask(browser, f"/api/{service}/v1/whatever?x=1")
    assert response.status_code == 204
    token = response.headers["X-Iamis-Token"]
    principal = TokenVerifier(token_keys[1], audience=service).verify(token)
    assert principal.sub == teacher["sub"] and principal.kind == "user"
    assert principal.centres == ("68101",) and principal.permissions == ("iamis",)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 120
    assert claims["language"] == "en" and claims["account_type"] == "user"


def test_the_token_is_not_accepted_by_another_service(browser, teacher, token_keys):
    browser.sign_in(teacher["email"])
    token = ask(browser, "/api/marks/v1/units").headers["X-Iamis-Token"]
    with pytest.raises(jwt.InvalidAudienceError):
        TokenVerifier(token_keys[1], audience="moderation").verify(token)


def test_an_ended_session_gets_401(browser, teacher, identity):
    browser.sign_in(teacher["email"])
    identity.end_all_sessions()
    assert ask(browser).status_code == 401


def test_unknown_service_is_refused(browser, teacher):
    browser.sign_in(teacher["email"])
    assert ask(browser, "/api/payroll/v1/salaries").status_code == 403


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_changes_without_the_csrf_header_are_refused(browser, teacher, method):
    browser.sign_in(teacher["email"])
    assert ask(browser, method=method).status_code == 403
    assert ask(browser, method=method, headers={"X-CSRFToken": "forged"}).status_code == 403


def test_changes_with_the_pages_csrf_token_are_allowed(browser, teacher):
    browser.sign_in(teacher["email"])
    browser.get("/iamis")
    response = ask(browser, method="POST", headers={"X-CSRFToken": browser.csrf})
    assert response.status_code == 204 and response.headers["X-Iamis-Token"]


def test_identity_down_is_not_mistaken_for_signed_out(browser, teacher, identity):
    browser.sign_in(teacher["email"])
    identity.reachable = False
    assert ask(browser).status_code == 503
