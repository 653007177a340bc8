"""Evidence in the browser: after submitting 3653U1 the sampled candidates get an Upload; a file goes from the
page straight to object storage in parts, each with its MD5 for the store to check, with a progress bar to
100 %, is listed, downloaded as an attachment with its own name and deleted."""
import base64
import hashlib
import re

from playwright.sync_api import expect

from .evidence_steps import (CANDIDATES, MIB, SAMPLED, UPLOAD_TIMEOUT, choose_file, count_part_puts, make_file,
                             mark_and_submit, part_of, portfolio_unit, upload_box, upload_inputs_when_ready)
from .test_welsh_and_accessibility import assert_accessible
from .wording import Wording

PART = 16 * MIB


def md5_of_parts(path) -> dict:
    """part number -> base64 MD5 of that part's bytes, as Content-MD5 carries it."""
    with open(path, "rb") as source:
        chunks = iter(lambda: source.read(PART), b"")
        return {number: base64.b64encode(hashlib.md5(chunk).digest()).decode()
                for number, chunk in enumerate(chunks, start=1)}


def test_submit_see_the_sample_add_a_candidate_upload_download_and_delete(page, browser, stack, new_user, tmp_path):
    say = Wording("en")
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    page.on("console", lambda message: script_errors.append(message.text) if message.type == "error" else None)
    unit = portfolio_unit(browser, stack, new_user(account_type="board_staff", centre=None), CANDIDATES)
    mark_and_submit(page, new_user(), unit)
    upload_inputs_when_ready(page, unit, SAMPLED)

    page.goto(f"/iamis/units/{unit['id']}?show=all&rows=all")
    add = page.get_by_role("button", name=re.compile(r"^Add \d{4} to the sample$")).first
    added = re.search(r"\d{4}", add.inner_text()).group(0)
    add.click()
    upload_inputs_when_ready(page, unit, SAMPLED + 1, query="show=all&rows=all")
    expect(page.locator("#marksheet tbody tr")).to_have_count(CANDIDATES)
    not_sampled = page.locator("#marksheet tbody tr", has_not=page.locator("input[type=file]"))
    expect(not_sampled).to_have_count(CANDIDATES - SAMPLED - 1)
    assert_accessible(page, "the submitted marksheet with the upload widget")

    path, sha256 = make_file(tmp_path, "portfolio scan (final).bin", 40 * MIB)
    puts = count_part_puts(page)
    dropped = []

    def drop_part_two_once(route):
        if part_of(route.request.url) == 2 and not dropped:
            dropped.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/s3/**", drop_part_two_once)  # the connection drops once: the page sends that part again
    choose_file(page, added, path)
    box = upload_box(page, added)
    expect(box.locator(".upload__item progress")).to_have_js_property("value", 100, timeout=UPLOAD_TIMEOUT)
    expect(box.locator(".upload__percent")).to_have_text("100 %")
    expect(page.locator("#evidence-status")).to_have_text(say("%(name)s uploaded", name=path.name))
    expect(box.locator(".upload__files")).to_contain_text(f"{path.name} 40.0 MB")
    expect(box.get_by_role("button", name=f"Cancel {path.name}")).to_have_count(0)  # nothing left to cancel
    assert puts["most"] >= 2, puts  # several parts in flight
    assert dropped and sorted(puts["parts"]) == [1, 2, 2, 3], puts  # 40 MiB in parts of 16 MiB, one sent twice
    assert puts["md5"] == md5_of_parts(path), puts["md5"]  # every part PUT carries its bytes' MD5
    page.unroute("**/s3/**", drop_part_two_once)

    with page.expect_download() as downloading:
        box.get_by_role("link", name=f"Download {path.name}").click()
    download = downloading.value
    assert download.suggested_filename == path.name
    assert hashlib.sha256(open(download.path(), "rb").read()).hexdigest() == sha256

    box.get_by_role("link", name=f"Delete {path.name}").click()
    expect(page.locator("h1")).to_have_text(say("Are you sure you want to delete %(name)s?", name=path.name))
    page.get_by_role("button", name=say("YES, DELETE THE FILE")).click()
    expect(page.get_by_role("status").filter(has_text="deleted")).to_have_text(
        say("%(name)s has been deleted.", name=path.name))
    expect(upload_box(page, added).locator(".upload__files")).to_have_count(0)
    # Nothing the page's scripts or its Content-Security-Policy refused, beyond the connection dropped on purpose.
    assert [e for e in script_errors if "ERR_INTERNET_DISCONNECTED" not in e] == [], script_errors
