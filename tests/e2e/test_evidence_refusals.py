"""Uploads refused, in words a person can act on and never a code: a candidate taken out of the sample, a
whole-file checksum that does not match (nothing kept), and the object store's own errors (BadDigest: the file
changed; NoSuchUpload: sent again from the start by itself; anything else: try again or zip the file); the
page is axe-clean in Welsh."""
import json
import re

from playwright.sync_api import expect

from .evidence_steps import (CENTRE, SAMPLED, api_json, choose_file, make_file, submitted_unit, upload_box,
                             upload_inputs_when_ready, uploads_of, wait_for)
from .test_welsh_and_accessibility import assert_accessible, choose_language
from .wording import Wording

NOT_STORED = "The file was not stored: what arrived did not match the file on your computer. Upload it again."


def store_answers(page, status: int, code: str, times: int | None = None):
    """Part PUTs answered by the object store with this XML error (the first `times` of them, or all)."""
    body = f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>refused</Message></Error>'
    page.route("**/s3/**", lambda route: route.fulfill(status=status, content_type="application/xml", body=body)
               if route.request.method == "PUT" else route.continue_(), times=times)


def test_uploads_refused_are_explained_and_the_page_is_accessible_in_welsh(page, browser, stack, new_user,
                                                                          tmp_path):
    say, welsh = Wording("en"), Wording("cy")
    unit, first = submitted_unit(page, browser, stack, new_user)
    page.goto(f"/iamis/units/{unit['id']}?show=all&rows=all")
    add = page.get_by_role("button", name=re.compile(r"^Add \d{4} to the sample$")).first
    added = re.search(r"\d{4}", add.inner_text()).group(0)
    add.click()
    upload_inputs_when_ready(page, unit, SAMPLED + 1, query="show=all&rows=all")

    # Someone else takes the candidate out while this page still offers the upload.
    taken_out = page.request.post(f"/iamis/units/{unit['id']}/sample/remove", form={
        "csrf_token": page.locator("meta[name=csrf-token]").get_attribute("content"), "candidate_number": added})
    assert taken_out.ok
    assert wait_for(lambda: added not in {m["candidate_number"] for m in api_json(
        page, f"/centres/{CENTRE}/units/{unit['id']}/evidence")["sample"]})
    path, _ = make_file(tmp_path, "notes.txt", 1000)
    choose_file(page, added, path)
    reason = say("This candidate is not in the sample: only the work of candidates in the sample is uploaded. Add "
                 "the candidate to the sample first.")
    expect(upload_box(page, added).locator(".upload__state")).to_have_text(
        say("%(name)s was not uploaded: %(reason)s", name=path.name, reason=reason))

    # A file whose whole-file checksum does not match what was stored is not kept, and the teacher is told.
    def garble_the_checksum(route):
        sent = json.loads(route.request.post_data)
        route.continue_(post_data=json.dumps(dict(sent, checksum="A" * 43 + "=-1")))

    page.route("**/api/evidence/v1/uploads/*/complete", garble_the_checksum)
    choose_file(page, first, path)
    expect(upload_box(page, first).locator(".upload__state")).to_have_text(
        say("%(name)s was not uploaded: %(reason)s", name=path.name, reason=say(NOT_STORED)))
    page.unroute("**/api/evidence/v1/uploads/*/complete", garble_the_checksum)
    assert not api_json(page, f"/centres/{CENTRE}/units/{unit['id']}/evidence")["files"]
    assert wait_for(lambda: not uploads_of(page, unit))  # nothing left to continue, nothing listed as unfinished

    choose_language(page, "Cymraeg")
    page.goto(f"/iamis/units/{unit['id']}?show=samples&rows=all")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(upload_box(page, first).locator("label")).to_contain_text(
        welsh("Upload evidence for %(candidate)s", candidate=first))
    expect(page.locator("#evidence-upload")).to_have_attribute("data-ready", "yes")
    assert_accessible(page, "the submitted marksheet with the upload widget, in Welsh")


def test_the_object_stores_errors_are_told_in_words(page, browser, stack, new_user, tmp_path):
    say = Wording("en")
    unit, number = submitted_unit(page, browser, stack, new_user)
    box = upload_box(page, number)

    # BadDigest: the bytes that arrived were not the bytes hashed, so the file changed while it was sent.
    store_answers(page, 400, "BadDigest")
    changed, _ = make_file(tmp_path, "changing.docx", 3000)
    choose_file(page, number, changed)
    expect(box.locator(".upload__state")).to_have_text(say(
        "%(name)s was not uploaded: %(reason)s", name=changed.name,
        reason=say("The file changed while it was being uploaded. Save it, then upload it again.")))
    assert wait_for(lambda: not uploads_of(page, unit))  # discarded: it cannot be continued
    page.unroute("**/s3/**")

    # NoSuchUpload: the store no longer has the upload (aborted or expired): the page starts it again itself.
    started = []
    page.on("request", lambda request: started.append(request.url) if request.method == "POST"
            and request.url.endswith(f"/units/{unit['id']}/uploads") else None)
    store_answers(page, 404, "NoSuchUpload", times=1)
    again, _ = make_file(tmp_path, "again.pdf", 4000, seed=9)
    choose_file(page, number, again)
    expect(box.locator(".upload__state").last).to_have_text(say("%(name)s uploaded", name=again.name))
    assert len(started) == 2  # a new upload, from the start
    assert [f["filename"] for f in api_json(page, f"/centres/{CENTRE}/units/{unit['id']}/evidence")["files"]] == [
        again.name]
    assert wait_for(lambda: not uploads_of(page, unit))  # the lost one is not listed as unfinished

    # Any other refusal of the store: what to do, in the guide's words; the upload stays, to continue or discard.
    store_answers(page, 403, "AccessDenied")
    refused, _ = make_file(tmp_path, "refused.pdf", 2000, seed=8)
    choose_file(page, number, refused)
    expect(box.locator(".upload__state").last).to_have_text(say(
        "%(name)s was not uploaded: %(reason)s", name=refused.name,
        reason=say("Choose the file again to try again. If it keeps failing, place the file in a zip folder and "
                   "upload the zip file.")))
    expect(box.get_by_role("button", name=f"Discard {refused.name}")).to_be_visible()
    shown = box.inner_text()
    assert "BadDigest" not in shown and "AccessDenied" not in shown and "STORE_REFUSED" not in shown
    page.unroute("**/s3/**")
