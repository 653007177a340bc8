"""An upload cut half way continues after a reload from the parts already stored, to a byte-identical object;
an upload in progress can be cancelled, and one left unfinished discarded, with the keyboard: either way the
line goes and the evidence service no longer lists the upload."""
import hashlib

from playwright.sync_api import expect

from .evidence_steps import (CENTRE, MIB, UPLOAD_TIMEOUT, api_json, choose_file, count_part_puts, make_file,
                             part_of, submitted_unit, upload_box, uploads_of, wait_for)
from .test_welsh_and_accessibility import assert_accessible
from .wording import Wording


def cut_after(page, parts: int):
    """Part PUTs after the first `parts` fail as a lost connection would; returns the route to take off."""
    def cut(route):
        if route.request.method == "PUT" and part_of(route.request.url) > parts:
            route.abort("connectionreset")
        else:
            route.continue_()
    page.route("**/s3/**", cut)
    return cut


def stored_parts(page, unit, at_least: int = 1) -> list:
    """The parts of the unit's unfinished upload once the store holds `at_least` of them."""
    def enough():
        uploads = uploads_of(page, unit)
        parts = api_json(page, f"/uploads/{uploads[0]['upload_id']}/parts")["parts"] if uploads else []
        return parts if len(parts) >= at_least else None
    return wait_for(enough, seconds=60)


def test_an_upload_cut_half_way_continues_after_a_reload_to_an_identical_object(page, browser, stack, new_user,
                                                                             tmp_path):
    say = Wording("en")
    unit, number = submitted_unit(page, browser, stack, new_user)
    path, sha256 = make_file(tmp_path, "performance.mp4", 96 * MIB)  # six parts of 16 MiB
    cut = cut_after(page, 3)
    choose_file(page, number, path)
    stored = stored_parts(page, unit, at_least=3)
    assert sorted(p["part_number"] for p in stored) == [1, 2, 3]

    # The cut stays until the page has gone, so no retry of the old page stores another part meanwhile.
    page.reload()
    page.unroute("**/s3/**", cut)
    expect(upload_box(page, number).locator("[data-unfinished-text]")).to_have_text(
        say("%(name)s: the upload stopped at %(percent)s %%. Choose the same file again to continue.",
            name=path.name, percent=50))
    # Every percentage the bar shows from now on, to see where it starts.
    page.evaluate("""() => { window.shownPercents = [];
      new MutationObserver((changes) => { for (const change of changes) {
        const figure = change.target.closest && change.target.closest('.upload__percent');
        if (figure) for (const node of change.addedNodes) window.shownPercents.push(node.textContent); } })
      .observe(document.getElementById('marksheet'), { subtree: true, childList: true, characterData: true }); }""")
    puts = count_part_puts(page)
    choose_file(page, number, path)
    box = upload_box(page, number)
    expect(box.locator(".upload__percent")).to_have_text("100 %", timeout=UPLOAD_TIMEOUT)
    expect(page.locator("#evidence-status")).to_have_text(say("%(name)s uploaded", name=path.name))
    shown = [int(text.removesuffix(" %")) for text in page.evaluate("window.shownPercents")]
    assert shown and shown[0] == 50 and min(shown) >= 50, shown
    assert sorted(puts["parts"]) == [4, 5, 6], puts  # only the parts not stored yet
    expect(box.locator("[data-unfinished] li")).to_have_count(0)

    listing = f"/centres/{CENTRE}/units/{unit['id']}/evidence"
    [stored_file] = [f for f in api_json(page, listing)["files"] if f["filename"] == path.name]
    assert stored_file["size"] == 96 * MIB
    body = page.request.get(stored_file["download_url"]).body()
    assert hashlib.sha256(body).hexdigest() == sha256


def test_cancel_an_upload_in_progress_and_discard_one_left_unfinished(page, browser, stack, new_user, tmp_path):
    say = Wording("en")
    unit, number = submitted_unit(page, browser, stack, new_user)
    box = upload_box(page, number)
    path, _ = make_file(tmp_path, "recording.wav", 48 * MIB)
    cut = cut_after(page, 1)  # the rest keeps failing and being tried again: the upload stays in progress
    choose_file(page, number, path)
    assert stored_parts(page, unit)
    cancel = box.get_by_role("button", name=f"Cancel {path.name}")
    cancel.focus()
    page.keyboard.press("Enter")
    expect(box.locator(".upload__item")).to_have_count(0)
    expect(page.locator("#evidence-status")).to_have_text(say("The upload of %(name)s was cancelled.",
                                                              name=path.name))
    expect(box.locator("input[type=file]")).to_be_focused()
    assert wait_for(lambda: not uploads_of(page, unit))  # abandoned in the store too

    # Left unfinished by a reload: listed with Discard, which the keyboard reaches, and the page stays.
    choose_file(page, number, path)
    assert stored_parts(page, unit)
    page.reload()
    page.unroute("**/s3/**", cut)
    discard = box.get_by_role("button", name=f"Discard {path.name}")
    expect(discard).to_be_visible()
    assert_accessible(page, "the marksheet with an unfinished upload to continue or discard")
    page.evaluate("window.stayed = true")
    discard.focus()
    page.keyboard.press("Enter")
    expect(box.locator("[data-unfinished] li")).to_have_count(0)
    expect(page.locator("#evidence-status")).to_have_text(say(
        "The unfinished upload of %(name)s has been discarded.", name=path.name))
    assert page.evaluate("window.stayed === true")  # no reload: other uploads on the page would go on
    assert wait_for(lambda: not uploads_of(page, unit))
