"""Input no person would mean, or that a database cannot hold, is answered in the contract's words and changes
nothing; characters that cannot be stored or shown safely are removed from names and notes."""
import pytest

from .uploading import Browser

EVIDENCE = "/centres/68101/units/3/evidence"
NOTE = "/centres/68101/units/3/note"


def test_a_last_modified_no_browser_can_send_is_refused(browser, teacher, submitted_unit):
    refused = browser.start(teacher, b"x", last_modified=2 ** 53)
    assert refused.status_code == 422 and refused.json["code"] == "VALIDATION_FAILED"
    assert browser.call("GET", EVIDENCE, teacher).json["uploads"] == []
    for moment in (2 ** 53 - 1, -86_400_000):  # the latest a browser can give; a file dated 31/12/1969
        assert browser.start(teacher, b"x", last_modified=moment).status_code == 201


@pytest.mark.parametrize("given,kept", [
    ("essay\ud800.docx", "essay\ufffd.docx"),  # half a surrogate pair, as some file systems allow
    ("nul\x00here.txt", "nulhere.txt"),
    ("c1\x85control.txt", "c1control.txt"),
    ("invoice\u202efdp.exe", "invoicefdp.exe"),  # would show as "invoiceexe.pdf"
    ("\u2066isolated\u2069 \u202aembedded\u202c.pdf", "isolated embedded.pdf"),
])
def test_a_filename_loses_characters_that_cannot_be_stored_or_that_reorder_it(browser, teacher, submitted_unit,
                                                                            given, kept):
    assert browser.upload(teacher, b"named", filename=given)["filename"] == kept
    assert [f["filename"] for f in browser.call("GET", EVIDENCE, teacher).json["files"]] == [kept]


def test_a_note_keeps_its_lines_and_loses_what_cannot_be_stored(browser, teacher, submitted_unit):
    saved = browser.call("PUT", NOTE, teacher, json={"text": "Line one\r\n\tLine two\x00\x0b ends \ud83d"})
    assert saved.status_code == 200 and saved.json["text"] == "Line one\r\n\tLine two ends \ufffd"
    assert browser.call("PUT", NOTE, teacher, json={"text": "\x00\x07"}).status_code == 200
    assert browser.call("GET", EVIDENCE, teacher).json["note"] is None  # nothing left: no note


@pytest.mark.parametrize("unit_id,codes", [
    (2 ** 31 - 1, ("UNIT_NOT_FOUND", "NOT_SUBMITTED", "NOT_SUBMITTED")),  # the largest a unit id can be
    *[(beyond, ("UNIT_NOT_FOUND",) * 3) for beyond in (2 ** 31, 2 ** 63, 10 ** 30)],
])
def test_a_unit_id_beyond_any_unit_is_not_found(browser, teacher, submitted_unit, unit_id, codes):
    answers = (browser.call("GET", f"/centres/68101/units/{unit_id}/evidence", teacher),
               browser.start(teacher, b"x", unit_id=unit_id),
               browser.call("PUT", f"/centres/68101/units/{unit_id}/note", teacher, json={"text": "x"}))
    assert tuple(a.json["code"] for a in answers) == codes
    assert all(a.status_code in (404, 409) for a in answers)


@pytest.mark.parametrize("method,path,code", [
    ("POST", "/uploads/not-an-id/parts/1", "UPLOAD_NOT_FOUND"),
    ("GET", "/uploads/%00/parts", "UPLOAD_NOT_FOUND"),
    ("POST", f"/uploads/{'a' * 100}/complete", "UPLOAD_NOT_FOUND"),
    ("DELETE", "/uploads/42", "UPLOAD_NOT_FOUND"),
    ("GET", "/files/%00/download", "FILE_NOT_FOUND"),
    ("DELETE", "/files/not-an-id", "FILE_NOT_FOUND"),
    ("GET", "/centres/%00/units/3/evidence", "UNIT_NOT_FOUND"),
    ("GET", "/centres/681011/units/3/evidence", "UNIT_NOT_FOUND"),
])
def test_an_id_that_names_nothing_is_not_found_in_the_contract_words(browser, staff, teacher, submitted_unit,
                                                                     method, path, code):
    for person in (teacher, staff):
        response = browser.call(method, path, person, json={})
        assert (response.status_code, response.json["code"]) == (404, code) and response.json["message"]


def test_with_public_url_set_urls_are_signed_only_for_its_host(make_app, s3_server, teacher, submitted_unit):
    public = Browser(make_app(PUBLIC_URL=f"http://{s3_server.endpoint}").test_client(), s3_server.endpoint)
    file = public.upload(teacher, b"signed for the address people use")
    assert public.download(teacher, file["download_url"]).content == b"signed for the address people use"

    elsewhere = Browser(make_app(PUBLIC_URL="https://iamis.example.org").test_client(), s3_server.endpoint)
    upload_id = elsewhere.start(teacher, b"x").json["upload_id"]
    claimed = {**teacher, "X-Forwarded-Host": "evil.example"}
    for refused in (elsewhere.sign(teacher, upload_id, 1, b"x"), elsewhere.client.get(file["download_url"],
                                                                                      headers=claimed)):
        assert refused.status_code == 422 and refused.json["code"] == "VALIDATION_FAILED"
        assert "https://iamis.example.org" in refused.json["message"]
    default_port = Browser(elsewhere.client, "iamis.example.org:443")
    assert default_port.sign(teacher, upload_id, 1, b"x").status_code == 200
