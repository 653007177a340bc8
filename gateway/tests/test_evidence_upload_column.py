"""The Upload column of a submitted marksheet: an Upload for each sampled candidate of a unit whose sample is
uploaded, the scripts it needs, the Grouped/Admin Upload Function, the guide's reason before submission, and
what board staff and the print view get."""
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of
from gateway.testing.evidence_pages import (CENTRE, MIB, inputs_of, row_of, script_messages, submit, text_of_html,
                                            upload_unit)


pytestmark = pytest.mark.usefixtures("evidence")  # every page here talks to the evidence service


@pytest.fixture
def portfolio(marks):
    return upload_unit(marks)


@pytest.fixture
def submitted(portfolio, marks, sampling, evidence):
    return submit(portfolio, marks, sampling, evidence)


def test_before_submission_the_guide_says_why_nothing_can_be_uploaded(teacher_browser, portfolio, evidence):
    response = teacher_browser.get(f"/iamis/units/{portfolio['id']}")
    html = response.get_data(as_text=True)
    assert ("N.B. Centres are reminded not to upload any files until marks/outcomes are submitted and samples "
            "generated.") in text_of(response)
    assert '<th scope="col">Upload</th>' not in html and not inputs_of(html)
    assert "evidence_upload.js" not in html and evidence.calls == []


def test_after_submission_each_sampled_candidate_has_an_upload_and_no_one_else(teacher_browser, submitted):
    html = teacher_browser.get(f"/iamis/units/{submitted['id']}?show=all").get_data(as_text=True)
    assert '<th scope="col">Upload</th>' in html
    assert inputs_of(html) == ["Upload evidence for 1054 JONES: TOMOS", "Upload evidence for 3268 EVANS: CERYS",
                               "Upload evidence for 3301 WILLIAMS: DAFYDD"]
    assert 'type="file"' not in row_of(html, "3302") and 'type="file"' not in row_of(html, "3303")
    # Without JavaScript the input stays off and says why; the script turns it on.
    cell = row_of(html, "1054")
    assert " disabled " in cell and "Uploading needs JavaScript: turn it on in your browser to upload files." in cell
    root = re.search(r'<div id="evidence-upload"([^>]*)>', html).group(1)
    assert f'data-centre="{CENTRE}"' in root and f'data-unit="{submitted["id"]}"' in root
    assert f'data-files-url="/iamis/units/{submitted["id"]}/evidence/files"' in root


def test_the_upload_script_its_bundle_and_its_hashing_worker_are_served(teacher_browser, submitted):
    html = teacher_browser.get(f"/iamis/units/{submitted['id']}").get_data(as_text=True)
    # Uppy's bundle is deferred, so it has run before the module script that uses it.
    assert 'src="/static/vendor/uppy.min.js" defer' in html and 'src="/static/evidence_upload.js"' in html
    worker = teacher_browser.get("/static/evidence_hash_worker.js").get_data(as_text=True)
    assert 'importScripts("vendor/md5.umd.min.js")' in worker  # the worker's MD5 (hash-wasm), copied there by make
    assert teacher_browser.get("/static/vendor/md5.umd.min.js").status_code == 200


def test_a_unit_not_uploaded_has_no_upload_column_and_no_evidence_call(teacher_browser, marks, sampling, evidence):
    unit = samples.oracy(marks, count=5)
    samples.complete_marks(marks, unit)
    marks.submitted[(str(unit["id"]), CENTRE)] = "2025-11-01T10:00:00+00:00"
    sampling.generate(unit, CENTRE, {"1054": "highest"})
    html = teacher_browser.get(f"/iamis/units/{unit['id']}").get_data(as_text=True)
    assert '<th scope="col">Upload</th>' not in html and not inputs_of(html) and evidence.calls == []


def test_a_group_upload_unit_has_the_grouped_admin_upload_function(teacher_browser, portfolio, marks, sampling,
                                                                   evidence):
    submit(portfolio, marks, sampling, evidence, group_upload=True)
    evidence.add_file(portfolio, CENTRE, None, "class-recording.mp3", 3 * MIB)
    response = teacher_browser.get(f"/iamis/units/{portfolio['id']}")
    html = response.get_data(as_text=True)
    section = re.search(r'<section class="evidence__group".*?</section>', html, re.S).group(0)
    assert "Grouped/Admin Upload Function" in section
    assert inputs_of(section) == ["Upload evidence for the whole unit 3653U1"]
    assert 'data-candidate=""' in section and "class-recording.mp3 3.0 MB" in text_of_html(section)
    assert "class-recording.mp3" not in re.search(r'<table.*?</table>', html, re.S).group(0)


def test_the_script_gets_its_texts_from_the_catalogue(teacher_browser, submitted):
    messages = script_messages(teacher_browser.get(f"/iamis/units/{submitted['id']}").get_data(as_text=True))
    assert messages["UPLOADED"] == "{name} uploaded"
    assert messages["STOPPED_AT"] == ("{name}: the upload stopped at {percent} %. Choose the same file again to "
                                      "continue.")
    assert messages["REFUSALS"]["CHECKSUM_MISMATCH"] == ("The file was not stored: what arrived did not match the "
                                                         "file on your computer. Upload it again.")
    assert messages["REFUSALS"]["NOT_IN_SAMPLE"].startswith("This candidate is not in the sample")
    # Whatever else goes wrong, the person is told what to do, in the guide's words, never a code.
    assert messages["TRY_AGAIN"] == ("Choose the file again to try again. If it keeps failing, place the file in a "
                                     "zip folder and upload the zip file.")
    assert messages["CHANGED"] == "The file changed while it was being uploaded. Save it, then upload it again."
    assert (messages["CANCEL"], messages["CANCELLED"]) == ("Cancel", "The upload of {name} was cancelled.")
    assert messages["DISCARDED"] == "The unfinished upload of {name} has been discarded."


def test_the_script_texts_in_welsh(browser, identity, submitted):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.sign_in("athro@ysgol.example")
    messages = script_messages(browser.get(f"/iamis/units/{submitted['id']}").get_data(as_text=True))
    assert (messages["CANCEL"], messages["DISCARD"]) == ("Canslo", "Gwaredu")
    assert messages["TRY_AGAIN"].startswith("Dewiswch y ffeil eto i roi cynnig arall arni.")
    assert messages["REFUSALS"]["CHECKSUM_MISMATCH"].startswith("Ni chafodd y ffeil ei chadw")


def test_board_staff_see_and_download_files_but_get_no_upload_or_delete(browser, identity, submitted, evidence):
    evidence.add_file(submitted, CENTRE, "1054", "portfolio.pdf", 5 * MIB)
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    html = browser.get(f"/iamis/units/{submitted['id']}?centre={CENTRE}").get_data(as_text=True)
    cell = text_of_html(row_of(html, "1054"))
    assert "Download portfolio.pdf" in cell and "Delete" not in cell
    assert not inputs_of(html) and "evidence_upload.js" not in html
    assert "The centre has not written a note to the moderator." in text_of_html(html)
    assert "Board staff and moderators can see" not in text_of_html(html)  # nothing refused: no reason given


def test_the_print_view_has_no_upload_column(teacher_browser, submitted, evidence):
    html = teacher_browser.get(f"/iamis/units/{submitted['id']}/print").get_data(as_text=True)
    assert '<th scope="col">Upload</th>' not in html and evidence.calls == []
