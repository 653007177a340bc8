"""What the Upload column lists: each candidate's files with name, size and time, the uploads that stopped part
way (each with Discard, which works without JavaScript too), and why nothing can be uploaded yet."""
import re

import pytest

from gateway.testing import text_of
from gateway.testing.evidence_pages import CENTRE, MIB, inputs_of, row_of, submit, text_of_html, upload_unit


pytestmark = pytest.mark.usefixtures("evidence")  # every page here talks to the evidence service


@pytest.fixture
def portfolio(marks):
    return upload_unit(marks)


@pytest.fixture
def submitted(portfolio, marks, sampling, evidence):
    return submit(portfolio, marks, sampling, evidence)


def unfinished_line(html: str, number: str):
    return re.search(r'<li data-upload-id="[^"]+".*?</li>', row_of(html, number), re.S)


def test_files_show_under_the_candidate_with_name_size_and_time(teacher_browser, submitted, evidence):
    stored = evidence.add_file(submitted, CENTRE, "1054", "portfolio.pdf", 40 * MIB,
                               uploaded_at="2025-06-02T13:05:00+00:00")
    evidence.add_file(submitted, CENTRE, "1054", "sketch.jpg", 2500)
    html = teacher_browser.get(f"/iamis/units/{submitted['id']}").get_data(as_text=True)
    cell = text_of_html(row_of(html, "1054"))
    assert "portfolio.pdf 40.0 MB, 02/06/2025 14:05 Download portfolio.pdf Delete portfolio.pdf" in cell  # BST
    assert "sketch.jpg 2.4 KB" in cell
    assert f'href="/api/evidence/v1/files/{stored["file_id"]}/download"' in row_of(html, "1054")
    assert (f'href="/iamis/units/{submitted["id"]}/evidence/files/{stored["file_id"]}/delete"'
            in row_of(html, "1054"))
    assert "portfolio.pdf" not in row_of(html, "3268")


def test_after_the_deadline_files_are_listed_without_delete(teacher_browser, portfolio, marks, sampling, evidence):
    submit(portfolio, marks, sampling, evidence, deadline_passed=True)
    evidence.add_file(portfolio, CENTRE, "3268", "late.pdf", 1000)
    cell = text_of_html(row_of(teacher_browser.get(f"/iamis/units/{portfolio['id']}").get_data(as_text=True),
                               "3268"))
    assert "late.pdf 1000 bytes" in cell and "Download late.pdf" in cell and "Delete" not in cell


def test_an_unfinished_upload_says_to_choose_the_same_file_again_or_discard_it(teacher_browser, submitted, evidence):
    upload = evidence.add_upload(submitted, CENTRE, "3301", "film.mp4", 900 * MIB)
    html = teacher_browser.get(f"/iamis/units/{submitted['id']}").get_data(as_text=True)
    line = unfinished_line(html, "3301")
    assert text_of_html(line.group(0)) == ("film.mp4: the upload stopped before it finished. Choose the same file "
                                           "again to continue. Discard film.mp4")
    assert f'data-upload-id="{upload["upload_id"]}" data-key="{upload["key"]}"' in line.group(0)
    assert f'data-size="{900 * MIB}" data-last-modified="1748870700000" data-part-size="{16 * MIB}"' in line.group(0)
    action = f'/iamis/units/{submitted["id"]}/evidence/uploads/{upload["upload_id"]}/discard'
    assert f'<form method="post" action="{action}"' in line.group(0)


def test_discard_without_the_script_abandons_the_upload_and_says_so(teacher_browser, submitted, evidence):
    upload = evidence.add_upload(submitted, CENTRE, "3301", "film.mp4", 900 * MIB)
    teacher_browser.get(f"/iamis/units/{submitted['id']}?show=samples")
    done = teacher_browser.post(f"/iamis/units/{submitted['id']}/evidence/uploads/{upload['upload_id']}/discard"
                                "?show=samples")
    assert done.status_code == 302 and done.headers["Location"] == f"/iamis/units/{submitted['id']}?show=samples"
    assert ("DELETE", f"/uploads/{upload['upload_id']}", None) in evidence.calls
    shown = teacher_browser.get(done.headers["Location"])
    assert "The unfinished upload of film.mp4 has been discarded." in text_of(shown)
    assert unfinished_line(shown.get_data(as_text=True), "3301") is None


def test_an_upload_of_another_unit_or_none_at_all_cannot_be_discarded(teacher_browser, submitted, marks, sampling,
                                                                     evidence):
    other = submit(upload_unit(marks, count=3), marks, sampling, evidence, system={"1054": "highest"})
    elsewhere = evidence.add_upload(other, CENTRE, "1054", "essay.pdf", 2 * MIB)
    for upload_id in (elsewhere["upload_id"], "no-such-upload"):
        refused = teacher_browser.post(f"/iamis/units/{submitted['id']}/evidence/uploads/{upload_id}/discard")
        assert refused.status_code == 404
    assert not [call for call in evidence.calls if call[0] == "DELETE"]


def test_board_staff_get_no_unfinished_uploads_to_discard(browser, identity, submitted, evidence):
    upload = evidence.add_upload(submitted, CENTRE, "3301", "film.mp4", 900 * MIB)
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[])
    browser.sign_in("staff@wjec.example")
    html = browser.get(f"/iamis/units/{submitted['id']}?centre={CENTRE}").get_data(as_text=True)
    assert "data-upload-id" not in html and "Discard" not in text_of_html(html)
    refused = browser.post(f"/iamis/units/{submitted['id']}/evidence/uploads/{upload['upload_id']}/discard"
                           f"?centre={CENTRE}")
    assert refused.status_code == 404
    assert evidence.units[(str(submitted["id"]), CENTRE)]["uploads"] == [upload]


def test_before_the_sample_reaches_evidence_a_teacher_is_told_why_there_is_no_upload(teacher_browser, portfolio,
                                                                                     marks, evidence):
    marks.submitted[(str(portfolio["id"]), CENTRE)] = "2025-05-20T10:00:00+00:00"
    evidence.open_unit(portfolio, CENTRE)  # the submission is known, its sample not yet
    page = teacher_browser.get(f"/iamis/units/{portfolio['id']}")
    assert not inputs_of(page.get_data(as_text=True))
    assert "The sample is being prepared for uploading. Reload the page in a moment to upload files." in text_of(page)
    assert "Board staff and moderators" not in text_of(page)


def test_while_evidence_has_not_heard_of_the_submission_the_page_says_to_wait(teacher_browser, portfolio, marks,
                                                                             sampling):
    marks.submitted[(str(portfolio["id"]), CENTRE)] = "2025-05-20T10:00:00+00:00"
    sampling.generate(portfolio, CENTRE, {"1054": "highest"})
    response = teacher_browser.get(f"/iamis/units/{portfolio['id']}")
    assert response.status_code == 200
    assert ("The sample is being prepared for uploading. Reload the page in a moment to upload files."
            in text_of(response))
    assert not inputs_of(response.get_data(as_text=True))


def test_while_evidence_is_down_the_marksheet_still_shows(teacher_browser, submitted, evidence):
    evidence.reachable = False
    response = teacher_browser.get(f"/iamis/units/{submitted['id']}")
    assert response.status_code == 200
    assert "The uploaded files cannot be shown at the moment. Try again in a few minutes." in text_of(response)
    assert "Chosen by the system: highest" in text_of(response)
