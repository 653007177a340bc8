"""Requests about one upload that cross: a part signed while the upload is being cancelled or completed."""
from evidence.adapters.uploads_repository import UploadRepository


def test_a_part_signed_while_the_upload_is_cancelled_is_answered_upload_not_found(browser, teacher, submitted_unit,
                                                                                  monkeypatch, store):
    started = browser.start(teacher, b"two requests at once").json
    record = UploadRepository.record_digests

    def cancelled_meanwhile(repository, *args):
        monkeypatch.setattr(UploadRepository, "record_digests", record)
        assert browser.call("DELETE", f"/uploads/{started['upload_id']}", teacher).status_code == 204
        return record(repository, *args)

    monkeypatch.setattr(UploadRepository, "record_digests", cancelled_meanwhile)
    signed = browser.sign(teacher, started["upload_id"], 1, b"two requests at once")
    assert signed.status_code == 404 and signed.json["code"] == "UPLOAD_NOT_FOUND"
    assert store.unfinished() == []
