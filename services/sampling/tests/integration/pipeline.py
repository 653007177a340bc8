"""Submission to sample on the marksheet, with the real parts: marks' API and outbox relay, RabbitMQ,
sampling's consumer and relay, and marks' consumer, each loop in a thread. The integration test and
tests/load/bench_sampling.py both drive it."""
import io
import threading
from contextlib import contextmanager
from pathlib import Path

import marks
import sampling
from marks.adapters import orm as marks_orm
from marks.entrypoints.consumer import HANDLERS as MARKS_HANDLERS
from sampling.adapters import orm as sampling_orm
from sampling.entrypoints.consumer import HANDLERS as SAMPLING_HANDLERS

from iamis_shared.bus.connection import connect
from iamis_shared.bus.consumer import EventConsumer
from iamis_shared.bus.relay import OutboxRelay
from iamis_shared.db import make_engine, make_session_factory
from iamis_shared.migrations import upgrade

MARKS_API = "/api/marks/v1"
SURNAMES = ("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Price")


def migrate(package, url: str) -> str:
    upgrade(Path(package.__file__).parent / "migrations", url)
    return url


class SubmissionToSample:
    """The four loops between a marks database and a sampling database, on one broker namespace."""

    def __init__(self, marks_url: str, sampling_url: str, bus_url: str, topology, poll: float = 0.2):
        self.engines = [make_engine(migrate(marks, marks_url)), make_engine(migrate(sampling, sampling_url))]
        marks_engine, sampling_engine = self.engines
        self.relays = [OutboxRelay("marks", marks_engine, marks_orm.outbox, bus_url, topology),
                       OutboxRelay("sampling", sampling_engine, sampling_orm.outbox, bus_url, topology)]
        self.consumers = [
            EventConsumer("sampling", make_session_factory(sampling_engine), sampling_orm.inbox, SAMPLING_HANDLERS,
                          bus_url, topology),
            EventConsumer("marks", make_session_factory(marks_engine), marks_orm.inbox, MARKS_HANDLERS, bus_url,
                          topology)]
        self.poll = poll
        with connect(bus_url) as connection:  # as the deployment's definitions do, before any publish
            topology.declare(connection, services=["sampling", "marks"])

    @contextmanager
    def running(self):
        threads = [threading.Thread(target=c.run, daemon=True) for c in self.consumers]
        threads += [threading.Thread(target=r.run_forever, kwargs={"poll_interval": self.poll}, daemon=True)
                    for r in self.relays]
        for thread in threads:
            thread.start()
        try:
            yield self
        finally:
            for relay in self.relays:
                relay.stop()
            for consumer in self.consumers:
                consumer.should_stop = True
            for thread in threads:
                thread.join(10)
            for consumer in self.consumers:
                consumer.close()
            stuck = [t for t in threads if t.is_alive()]
            assert not stuck, f"{len(stuck)} loops did not stop"

    def dispose(self):
        for engine in self.engines:
            engine.dispose()


def create_unit(client, staff: dict, code: str = "3700U1") -> int:
    series = client.post(f"{MARKS_API}/series", headers=staff,
                         json={"name": f"GCSE NOVEMBER 2025 {code}", "results_day": "2028-01-13"}).json
    unit = client.post(f"{MARKS_API}/series/{series['id']}/units", headers=staff, json={
        "code": code, "title": "ENGLISH LANGUAGE UNIT 1 ORACY", "kind": "marks", "deadline": "2027-11-05",
        "tasks": [{"name": "Task 1", "max": 40}, {"name": "Task 2", "max": 40}], "initials_required": True})
    assert unit.status_code == 201, unit.json
    return unit.json["id"]


def enter_and_mark(client, staff: dict, teacher: dict, unit_id: int, centre: str, count: int) -> None:
    """`count` candidates at the centre, all marked by an import by two teachers, one of them absent."""
    entries = [{"centre": centre, "candidate_number": str(1000 + n), "surname": SURNAMES[n % 10],
                "forename": "Carys", "date_of_birth": "2010-01-02"} for n in range(count)]
    loaded = client.post(f"{MARKS_API}/units/{unit_id}/entries", headers=staff, json={"entries": entries})
    assert loaded.status_code == 200, loaded.json
    rows = ["1000,A,A,"] + [f"{1000 + n},{n % 41},{(n * 7) % 41},{('AB', 'CD')[n % 2]}" for n in range(1, count)]
    data = "candidate_number,Task 1,Task 2,initials\n" + "\n".join(rows) + "\n"
    imported = client.post(f"{MARKS_API}/centres/{centre}/units/{unit_id}/import", headers=teacher,
                           content_type="multipart/form-data", data={"file": (io.BytesIO(data.encode()), "m.csv")})
    assert imported.status_code == 200, imported.json


def submit(client, teacher: dict, unit_id: int, centre: str) -> None:
    response = client.post(f"{MARKS_API}/centres/{centre}/units/{unit_id}/submit", headers=teacher)
    assert response.status_code == 200, response.json


def sample_on_marksheet(client, teacher: dict, unit_id: int, centre: str) -> list[str]:
    """The candidates the marksheet lists under Show: Samples, each with its Sample column ticked."""
    sheet = client.get(f"{MARKS_API}/centres/{centre}/units/{unit_id}/marksheet?show=samples&rows=all",
                       headers=teacher).json
    assert all(row["sample"] for row in sheet["rows"])
    return [row["candidate_number"] for row in sheet["rows"]]
