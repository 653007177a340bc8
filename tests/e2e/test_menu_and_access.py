"""The Menu to the IAMIS page, the refusal without the IAMIS permission, and the API behind nginx."""
from playwright.sync_api import expect

from .signing_in import sign_in

REFUSAL = "If the above is not visible, the Examinations Officer will need to change your account type."


def test_a_teacher_goes_from_the_menu_to_the_iamis_page(page, new_user):
    sign_in(page, new_user(permissions=("iamis",)))
    page.get_by_role("link", name="Menu").click()
    expect(page.get_by_text("Examinations & Assessments").first).to_be_visible()
    page.get_by_role("link", name="Internal Assessment Marks/Outcomes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Internal Assessment Mark/Outcomes Input")
    expect(page.get_by_text("Click on a title to expand the box")).to_be_visible()


def test_a_user_without_iamis_does_not_see_the_link_and_is_refused_at_the_url(page, new_user):
    sign_in(page, new_user(permissions=()))
    page.get_by_role("link", name="Menu").click()
    expect(page.get_by_role("link", name="Internal Assessment Marks/Outcomes")).to_have_count(0)
    response = page.goto("/iamis")
    assert response.status == 403
    expect(page.get_by_text(REFUSAL)).to_be_visible()


def test_the_api_gets_a_token_for_its_own_service_and_never_the_cookie(page, new_user):
    user = new_user(permissions=("iamis",))
    sign_in(page, user)
    for service in ("identity", "marks", "sampling", "evidence", "reports", "moderation"):
        response = page.request.get(f"/api/{service}/v1/whoami")
        assert response.status == 200, service
        assert response.json()["sub"] == user.id and response.json()["centres"] == ["68101"]


def test_a_state_changing_api_call_needs_the_csrf_header(page, new_user):
    sign_in(page, new_user())
    response = page.request.post("/api/marks/v1/whoami")
    assert response.status == 403


def test_the_api_refuses_anonymous_callers(page):
    assert page.request.get("/api/marks/v1/whoami").status == 401
