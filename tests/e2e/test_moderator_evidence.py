"""Issue #4, from the moderator's side: a teacher uploads a candidate's work; the demo moderator, allocated to
centre 68101, opens Menu → Moderation → Evidence → the unit and downloads it (the same bytes, as an attachment
with the original name); a moderator not allocated to the centre sees nothing of it. English and Welsh, axe clean."""
import base64
import hashlib
import re
import time
import uuid

import pytest
import requests
from playwright.sync_api import expect

from .board_setup import board_for
from .conftest import Account
from .signing_in import sign_in
from .test_welsh_and_accessibility import assert_accessible, choose_language
from .wording import Wording

DEMO_MODERATOR, DEMO_PASSWORD = "moderator@board.example", "Demo-Pass-2025"
FILENAME = "Gwaith Llŷr 1001.txt"
CONTENT = ("Portffolio Llŷr: the candidate's evidence, uploaded for the moderator.\n" * 2000).encode()
EVIDENCE = "/api/evidence/v1"


def wait_for(fetch, what: str, timeout: float = 20):
    """fetch() until it gives something truthy: the evidence service learns of submissions through the bus."""
    deadline = time.monotonic() + timeout
    while not (found := fetch()):
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.3)
    return found


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
    """A unit that takes uploads, marked and submitted by a teacher of 68101, with one file for its first candidate."""
    board = board_for(browser, stack.stack.url, new_user(account_type="board_staff", centre=None))
    tag = uuid.uuid4().hex[:5].upper()
    series = board.post("/series", {"name": f"GCSE JUNE 2025 {tag}", "results_day": "2027-08-19"})
    unit = board.post(f"/series/{series['id']}/units", {
        "code": f"E{tag}", "title": "ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO",
        "kind": "marks", "tasks": [{"name": "Mark", "max": 120}], "evidence_upload": True, "deadline": "2027-05-31"})
    numbers = ["1001", "1002", "1003"]
    board.entries(unit["id"], numbers)
    board.page.context.close()
    sign_in(page, new_user())
    page.goto(f"/iamis/units/{unit['id']}")
    csrf = page.locator("meta[name=csrf-token]").get_attribute("content")
    for index, number in enumerate(numbers):
        saved = page.request.patch(f"/api/marks/v1/centres/68101/units/{unit['id']}/candidates/{number}",
                                   data={"field": "task:Mark", "value": str(60 + index), "previous": ""},
                                   headers={"X-CSRFToken": csrf})
        assert saved.ok, saved.text()
    submitted = page.request.post(f"/api/marks/v1/centres/68101/units/{unit['id']}/submit",
                                  headers={"X-CSRFToken": csrf})
    assert submitted.ok, submitted.text()

    def sampled():
        answer = page.request.get(f"{EVIDENCE}/centres/68101/units/{unit['id']}/evidence")
        return answer.ok and answer.json()["sample"]
    wait_for(sampled, "the evidence service to know the unit's sample")
    file = upload_as_teacher(page, stack.stack.url, unit["id"], "1001")
    page.context.clear_cookies()
    return {**unit, "series": series, "file": file}


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
    wait_for(listed, "the unit in the moderator's list")
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
