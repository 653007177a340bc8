"""In-memory fakes of the marks repositories and unit of work, for the unit tests (entries: unit/conftest.py).

Reads hand out copies, as a database would: a change counts only once a repository saves it.
"""
import copy
import itertools

import pytest


class FakeSeries:
    def __init__(self):
        self.items, self.ids = {}, itertools.count(1)

    def add(self, series):
        if self.get_by_name(series.name):
            return False
        series.id = next(self.ids)
        self.items[series.id] = copy.deepcopy(series)
        return True

    def get(self, series_id):
        return copy.deepcopy(self.items.get(series_id))

    def get_by_name(self, name):
        return copy.deepcopy(next((s for s in self.items.values() if s.name == name), None))

    def list(self):
        return sorted(copy.deepcopy(list(self.items.values())), key=lambda s: s.name)


class FakeUnits:
    def __init__(self, uow):
        self.uow, self.items, self.ids = uow, {}, itertools.count(1)

    def add(self, unit):
        if self.get_by_code(unit.series.id, unit.code):
            return False
        unit.id = next(self.ids)
        self.items[unit.id] = copy.deepcopy(unit)
        return True

    def get(self, unit_id):
        return copy.deepcopy(self.items.get(unit_id))

    def get_by_code(self, series_id, code):
        return copy.deepcopy(next((u for u in self.items.values()
                                   if u.series.id == series_id and u.code == code), None))

    def list_for_series(self, series_id):
        return sorted((u for u in self.items.values() if u.series.id == series_id), key=lambda u: u.code)

    def list_entered_by(self, centre):
        entered = {m.entry.unit_id for m in self.uow.entries.items.values() if m.entry.centre == centre}
        return sorted((copy.deepcopy(u) for u in self.items.values() if u.id in entered),
                      key=lambda u: (u.series.name, u.code))


class FakeSubmissions:
    def __init__(self):
        self.items = {}

    def add(self, submission):
        key = (submission.unit_id, submission.centre)
        if key in self.items:
            return False
        self.items[key] = copy.deepcopy(submission)
        return True

    def get(self, unit_id, centre):
        return copy.deepcopy(self.items.get((unit_id, centre)))

    def for_centre(self, centre):
        return {u: copy.deepcopy(s) for (u, c), s in self.items.items() if c == centre}

    def for_unit(self, unit_id):
        return {c: copy.deepcopy(s) for (u, c), s in self.items.items() if u == unit_id}


class FakeAudit:
    def __init__(self):
        self.entries = []

    def add(self, *new):
        for entry in new:
            entry.id = len(self.entries) + 1
            self.entries.append(entry)

    def list_for_centre(self, centre, limit=100):
        return [e for e in reversed(self.entries) if e.centre == centre][:limit]


class FakeSampleMembers:
    """{(unit_id, centre): SampleChanged}: the newest version of each sample."""

    def __init__(self):
        self.items = {}

    def numbers(self, unit_id, centre):
        held = self.items.get((unit_id, centre))
        return {m.candidate_number for m in held.members} if held else set()

    def replace(self, sample):
        held = self.items.get((sample.unit_id, sample.centre))
        if held is not None and held.version >= sample.version:
            return False
        self.items[(sample.unit_id, sample.centre)] = sample
        return True


class FakeUnitOfWork:
    """Changes and events are kept only on commit, as the real transaction keeps them."""

    def __init__(self, fake_entries):
        self.series, self.units, self.entries = FakeSeries(), FakeUnits(self), fake_entries(self)
        self.submissions, self.audit = FakeSubmissions(), FakeAudit()
        self.samples = FakeSampleMembers()
        self.pending, self.published, self._saved = [], [], None

    def _state(self):
        return (self.series.items, self.units.items, self.entries.items, self.submissions.items, self.audit.entries,
                self.samples.items)

    def __enter__(self):
        self._saved = copy.deepcopy(self._state())
        return self

    def statement_by_statement(self):
        return self  # the fakes keep a change only on commit either way

    def __exit__(self, *_):
        if self._saved is not None:
            self.rollback()

    def publish(self, envelope):
        self.pending.append(envelope)

    def commit(self):
        self.published += self.pending
        self.pending, self._saved = [], None

    def rollback(self):
        (self.series.items, self.units.items, self.entries.items, self.submissions.items,
         self.audit.entries, self.samples.items) = self._saved
        self.pending, self._saved = [], copy.deepcopy(self._saved)

    def events(self, routing_key):
        return [e for e in self.published if e.type == routing_key]

    def actions(self):
        return [e.action for e in self.audit.entries]


@pytest.fixture
def fake_unit_of_work():
    """The class; the unit tests' `uow` fixture gives it their fake entries repository."""
    return FakeUnitOfWork
