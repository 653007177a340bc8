"""A sampled candidate whose work the centre marked missing or incomplete gets no Upload ("The incomplete work
should not be uploaded"): the cell names the substitute whose work is uploaded instead; files already uploaded
stay listed; the upload script has the evidence service's WORK_MISSING refusal in the person's language."""
import re

import pytest

from gateway.testing import marks_samples as samples

from gateway.testing.evidence_pages import CENTRE, SYSTEM, inputs_of, script_messages, text_of_html

NOTE = "The portfolio was damaged by water."


pytestmark = pytest.mark.usefixtures("evidence")  # every page here talks to the evidence service


@pytest.fixture
def substituted(marks, sampling, evidence):
    """3653U1 submitted and sampled; the centre marked 1054's work missing and sent 3302's instead, after a file
    of 1054's had been uploaded."""
    unit = samples.linear(marks, count=5)
    unit["evidence_upload"] = True
    samples.complete_marks(marks, unit)
    key = (str(unit["id"]), CENTRE)
    marks.submitted[key] = "2025-05-20T10:00:00+00:00"
    sampling.generate(unit, CENTRE, SYSTEM)
    sampling.samples[key]["3302"] = "substitute"
    sampling.substitutes[key] = {"1054": ("3302", NOTE)}
    evidence.open_unit(unit, CENTRE)
    evidence.add_file(unit, CENTRE, "1054", "first half.pdf", 2048)
    return unit


def upload_cell(html: str, number: str) -> str:
    row = re.search(rf'<tr data-candidate="{number}">(.*?)</tr>', html, re.S).group(1)
    return re.search(r'<td class="marksheet__upload">(.*?)</td>', row, re.S).group(1)


def page_of(browser, identity, unit, language: str) -> str:
    identity.add_user("teacher@school.example", language=language)
    browser.sign_in("teacher@school.example")
    return browser.get(f"/iamis/units/{unit['id']}?show=all").get_data(as_text=True)


def test_missing_work_has_no_upload_and_names_the_substitute_whose_work_is_uploaded(browser, identity, substituted,
                                                                                   evidence):
    html = page_of(browser, identity, substituted, "en")
    assert inputs_of(html) == ["Upload evidence for 3268 EVANS: CERYS", "Upload evidence for 3301 WILLIAMS: DAFYDD",
                               "Upload evidence for 3302 DAVIES: MEGAN"]
    cell = upload_cell(html, "1054")
    assert 'type="file"' not in cell
    assert text_of_html(cell).startswith("Work marked as missing or incomplete: upload the work of the substitute, "
                                         "3302, instead. first half.pdf 2.0 KB")
    assert "Download first half.pdf Delete first half.pdf" in text_of_html(cell)
    assert evidence.calls[-1][1] == f"/centres/{CENTRE}/units/{substituted['id']}/evidence"


def test_in_welsh(browser, identity, substituted):
    html = page_of(browser, identity, substituted, "cy")
    assert ("Gwaith wedi'i nodi ar goll neu'n anghyflawn: uwchlwythwch waith yr amnewidyn, 3302, yn lle hynny."
            in text_of_html(upload_cell(html, "1054")))
    assert 'type="file"' not in upload_cell(html, "1054") and 'type="file"' in upload_cell(html, "3302")
    assert script_messages(html)["REFUSALS"]["WORK_MISSING"] == (
        "Mae gwaith yr ymgeisydd hwn wedi'i nodi ar goll neu'n anghyflawn: uwchlwythwch waith yr amnewidyn yn lle "
        "hynny.")


def test_the_upload_script_explains_the_work_missing_refusal(browser, identity, substituted):
    html = page_of(browser, identity, substituted, "en")
    assert script_messages(html)["REFUSALS"]["WORK_MISSING"] == (
        "This candidate's work is marked as missing or incomplete: upload the work of the substitute instead.")


def test_undoing_the_substitute_gives_the_candidate_an_upload_again(browser, identity, substituted, sampling):
    key = (str(substituted["id"]), CENTRE)
    del sampling.samples[key]["3302"]
    sampling.substitutes[key] = {}
    html = page_of(browser, identity, substituted, "en")
    assert 'type="file"' in upload_cell(html, "1054") and "Work marked as missing" not in html
