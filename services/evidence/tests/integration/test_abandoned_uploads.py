"""Uploads left unfinished for UPLOAD_EXPIRY_DAYS are aborted in SeaweedFS and forgotten by the evidence
worker's background task, found as `python -m iamis_shared.cli evidence worker` finds it; fresher ones stay
to be resumed. Two workers may run it at the same time."""
import threading
from datetime import datetime, timedelta, timezone

import pytest
from minio.error import S3Error
from sqlalchemy import select

from evidence.adapters import orm
from iamis_shared.cli import background_tasks
from iamis_shared.config import service_settings

EVIDENCE = "/centres/68101/units/3/evidence"


@pytest.fixture
def worker_env(monkeypatch, s3_server, bucket):
    """The evidence worker's environment: its object store, and no UPLOAD_EXPIRY_DAYS (the default 7)."""
    for name, value in {"S3_ENDPOINT": s3_server.endpoint, "S3_ACCESS_KEY": s3_server.access_key,
                        "S3_SECRET_KEY": s3_server.secret_key, "S3_BUCKET": bucket, "S3_SECURE": "0"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("UPLOAD_EXPIRY_DAYS", raising=False)
    return monkeypatch


def removal(engine):
    [task] = background_tasks("evidence", engine, service_settings("evidence"))
    return task


def started_days_ago(browser, teacher, clock, days: float, data: bytes = b"part of a portfolio") -> dict:
    """An upload started `days` ago with its one part stored, never completed."""
    clock.now = datetime.now(timezone.utc) - timedelta(days=days)
    started = browser.start(teacher, data).json
    browser.send_parts(teacher, started["upload_id"], data, [1])
    return started


def s3_upload_id(engine, upload_id: str) -> str:
    with engine.connect() as conn:
        t = orm.upload_sessions
        return conn.execute(select(t.c.s3_upload_id).where(t.c.id == upload_id)).scalar_one()


def test_an_upload_unfinished_for_seven_days_is_aborted_and_forgotten_and_a_fresher_one_stays(
        browser, teacher, submitted_unit, clock, engine, store, worker_env):
    old = started_days_ago(browser, teacher, clock, 8)
    fresh = started_days_ago(browser, teacher, clock, 6)
    old_s3_id = s3_upload_id(engine, old["upload_id"])
    assert sorted(store.unfinished()) == sorted([old["key"], fresh["key"]])

    assert removal(engine).run_once() == 1
    with pytest.raises(S3Error) as gone:
        store.client._list_parts(store.bucket, old["key"], old_s3_id)
    assert gone.value.code == "NoSuchUpload"
    assert store.unfinished() == [fresh["key"]] and store.keys() == []
    listing = browser.call("GET", EVIDENCE, teacher).json
    assert [u["upload_id"] for u in listing["uploads"]] == [fresh["upload_id"]]
    resumed = browser.call("GET", f"/uploads/{old['upload_id']}/parts", teacher)
    assert resumed.status_code == 404 and resumed.json["code"] == "UPLOAD_NOT_FOUND"
    assert [p["part_number"] for p in browser.call("GET", f"/uploads/{fresh['upload_id']}/parts", teacher)
            .json["parts"]] == [1]

    assert removal(engine).run_once() == 0  # nothing twice
    worker_env.setenv("UPLOAD_EXPIRY_DAYS", "5")
    assert removal(engine).run_once() == 1
    assert store.unfinished() == [] and browser.call("GET", EVIDENCE, teacher).json["uploads"] == []


def test_two_workers_at_once_remove_each_abandoned_upload_once_even_one_the_store_already_dropped(
        browser, teacher, submitted_unit, clock, engine, store, worker_env):
    abandoned = [started_days_ago(browser, teacher, clock, 10 + n) for n in range(6)]
    # A run that aborted this one in the store and stopped before forgetting it:
    store.client._abort_multipart_upload(store.bucket, abandoned[0]["key"], s3_upload_id(engine,
                                                                                        abandoned[0]["upload_id"]))
    workers, removed, failures = [removal(engine), removal(engine)], [], []
    start = threading.Barrier(2)

    def run(task):
        start.wait()
        try:
            removed.append(task.run_once())
        except Exception as error:  # noqa: BLE001 - the test reports it below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(task,)) for task in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == [] and sum(removed) == len(abandoned)
    assert store.unfinished() == [] and browser.call("GET", EVIDENCE, teacher).json["uploads"] == []


def test_an_upload_being_resumed_is_kept_for_seven_days_from_the_last_part_signed(
        browser, teacher, submitted_unit, clock, engine, store, worker_env):
    data = b"a" * 10
    resumed = started_days_ago(browser, teacher, clock, 10, data)
    clock.now = datetime.now(timezone.utc) - timedelta(days=6)
    assert browser.sign(teacher, resumed["upload_id"], 1, data).status_code == 200  # signed again on resuming
    assert removal(engine).run_once() == 0
    assert [u["upload_id"] for u in browser.call("GET", EVIDENCE, teacher).json["uploads"]] == [resumed["upload_id"]]
    worker_env.setenv("UPLOAD_EXPIRY_DAYS", "5")
    assert removal(engine).run_once() == 1 and store.unfinished() == []
