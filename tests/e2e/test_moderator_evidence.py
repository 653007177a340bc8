"""Issue #4, from the moderator's side: a teacher uploads a candidate's work; the demo moderator, allocated to
centre 68101, opens Menu → Moderation → Evidence → the unit and downloads it (the same bytes, as an attachment
with the original name); a moderator not allocated to the centre sees nothing of it. English and Welsh, axe clean."""
import base64
import hashlib
import re
import uuid

import pytest
import requests
from playwright.sync_api import expect

from .conftest import Account
from .evidence_steps import mark_and_submit, portfolio_unit, upload_inputs_when_ready, wait_for
from .signing_in import sign_in
from .test_welsh_and_accessibility import assert_accessible, choose_language
from .wording import Wording

DEMO_MODERATOR, DEMO_PASSWORD = "moderator@board.example", "Demo-Pass-2025"
FILENAME = "Gwaith Llŷr 1001.txt"
CONTENT = ("Portffolio Llŷr: the candidate's evidence, uploaded for the moderator.\n" * 2000).encode()
EVIDENCE = "/api/evidence/v1"


def upload_as_teacher(page, base_url: str, unit_id: int, number: str) -> dict:
    """The upload widget's calls: create the upload, sign the one part, PUT it to S3, complete with the checksum."""
    csrf = {"X-CSRFToken": page.locator("meta[name=csrf-token]").get_attribute("content")}
    created = page.request.post(f"{EVIDENCE}/centres/68101/units/{unit_id}/uploads", headers=csrf, data={
        "candidate_number": number, "filename": FILENAME, "size": len(CONTENT), "content_type": "text/plain",
        "last_modified": 1767225600000})
    assert created.status == 201, created.text()
    upload = created.json()
    assert upload["parts_count"] == 1
    digest = hashlib.sha256(CONTENT).digest()
    md5 = base64.b64encode(hashlib.md5(CONTENT).digest()).decode()
    signed = page.request.post(f"{EVIDENCE}/uploads/{upload['upload_id']}/parts/1", headers=csrf,
                               data={"sha256": base64.b64encode(digest).decode(), "md5": md5})
    assert signed.ok, signed.text()
    url = signed.json()["url"]
    assert url.startswith("/s3/"), url
    put = requests.put(base_url + url, data=CONTENT, headers={"Content-MD5": md5}, timeout=30)
    assert put.status_code == 200, put.text
    checksum = base64.b64encode(hashlib.sha256(digest).digest()).decode() + "-1"
    completed = page.request.post(f"{EVIDENCE}/uploads/{upload['upload_id']}/complete", headers=csrf, data={
        "parts": [{"part_number": 1, "etag": put.headers["ETag"]}], "checksum": checksum})
    assert completed.status == 201, completed.text()
    return completed.json()["file"]


@pytest.fixture
def uploaded(browser, stack, new_user, page):
    """A unit that takes uploads, marked and submitted by a teacher of 68101, with one file for its first candidate.
    Its own code: the demo moderator's list holds every 68101 unit that takes uploads."""
    unit = portfolio_unit(browser, stack, new_user(account_type="board_staff", centre=None), 3,
                          code=f"E{uuid.uuid4().hex[:5].upper()}")
    mark_and_submit(page, new_user(), unit)
    upload_inputs_when_ready(page, unit, 3)
    file = upload_as_teacher(page, stack.stack.url, unit["id"], "1001")
    page.context.clear_cookies()
    return {**unit, "file": file}


def demo_moderator(identity_uow) -> Account:
    with identity_uow() as uow:
        user = uow.users.get_by_email(DEMO_MODERATOR)
    return Account(user.id, DEMO_MODERATOR, DEMO_PASSWORD, user.mfa_secret)


def open_unit(page, unit: dict, say: Wording):
    page.goto("/menu")
    page.get_by_role("link", name=say("Evidence"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(say("Evidence"))
    link = page.get_by_role("link", name=f"{unit['title']} ({unit['code']})")

    def listed() -> bool:
        if link.count():
            return True
        page.reload()
        return False
    assert wait_for(listed), "gave up waiting for the unit in the moderator's list"
    return link


def test_the_allocated_moderator_downloads_the_file_and_another_moderator_sees_nothing(
        page, browser, stack, uploaded, identity_uow, new_user):
    unit, say = uploaded, Wording("en")
    sign_in(page, demo_moderator(identity_uow))
    page.goto("/menu")
    expect(page.get_by_role("link", name="Moderation")).to_have_attribute("aria-current", "page")
    link = open_unit(page, unit, say)
    expect(page.get_by_role("table", name=say("Submitted units of centre %(centre)s that take uploads",
                                               centre="68101"))).to_be_visible()
    assert_accessible(page, "the moderator's evidence list")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(unit["code"])
    row = page.locator('tr[data-candidate="1001"]')
    expect(row).to_contain_text(FILENAME)
    expect(page.get_by_role("button", name=re.compile("Upload|Delete"))).to_have_count(0)
    assert_accessible(page, "the moderator's unit evidence page")

    download_link = page.get_by_role("link", name=f"Download {FILENAME}")
    with page.expect_download() as started:
        download_link.focus()
        page.keyboard.press("Enter")
    download = started.value
    assert download.suggested_filename == FILENAME
    with open(download.path(), "rb") as got:
        assert got.read() == CONTENT

    redirect = page.request.get(unit["file"]["download_url"], max_redirects=0)
    assert redirect.status == 303 and redirect.headers["location"].startswith("/s3/")
    attachment = page.request.get(redirect.headers["location"])
    assert attachment.ok and attachment.body() == CONTENT
    assert attachment.headers["content-disposition"].startswith("attachment")
    assert "filename*=UTF-8''Gwaith%20Ll%C5%B7r%201001.txt" in attachment.headers["content-disposition"]

    welsh = Wording("cy")
    choose_language(page, "Cymraeg")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("link", name=welsh("Download") + " " + FILENAME)).to_be_visible()
    expect(page.get_by_role("heading", name=welsh("Explanatory note to the moderator"))).to_be_visible()
    assert_accessible(page, "the moderator's unit evidence page, in Welsh")
    page.goto("/moderation/evidence")
    assert_accessible(page, "the moderator's evidence list, in Welsh")

    other = browser.new_context(base_url=stack.stack.url).new_page()
    sign_in(other, new_user(account_type="moderator", permissions=("iamis",), centre=None))
    other.goto("/menu")
    other.get_by_role("link", name="Evidence", exact=True).click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Evidence")
    expect(other.locator("main")).not_to_contain_text(unit["code"])
    expect(other.locator("main")).not_to_contain_text("68101")
    other.goto(f"/moderation/evidence/68101/units/{unit['id']}")
    expect(other.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert other.request.get(unit["file"]["download_url"], max_redirects=0).status == 404
    other.context.close()
