"""The fake entries repository (with its marks), and the unit of work the handler tests use."""
import copy
import itertools
from datetime import date

import pytest

from marks.domain.candidates import CandidateMark, Entry
from marks.domain.marksheet import Counts
from marks.domain.units import MARKS, OUTCOMES, Series, Task, Unit


class FakeEntries:
    """Keeps a version per row, as the real one does: a save writes only over the version it read."""

    def __init__(self, uow):
        self.uow, self.items, self.ids = uow, {}, itertools.count(1)
        self.versions, self.read = {}, {}

    def _of(self, unit_id, centre):
        return sorted((m for m in self.items.values() if m.entry.unit_id == unit_id and m.entry.centre == centre),
                      key=lambda m: m.entry.candidate_number)

    def sheet(self, unit_id, centre, for_update=False):
        marks = copy.deepcopy(self._of(unit_id, centre))
        self.read.update((m.entry.id, self.versions[m.entry.id]) for m in marks)
        return marks

    def for_change(self, unit_id, centre, candidate_number):
        found = [m for m in self._of(unit_id, centre) if m.entry.candidate_number == candidate_number]
        if not found:
            return None
        self.read[found[0].entry.id] = self.versions[found[0].entry.id]
        submitted = self.uow.submissions.get(unit_id, centre) is not None
        return copy.deepcopy(found[0]), submitted, self._counts(unit_id, centre)

    def has_entries(self, unit_id, centre):
        return bool(self._of(unit_id, centre))

    def entered(self, unit_id, centres):
        return {(m.entry.centre, m.entry.candidate_number) for m in self.items.values()
                if m.entry.unit_id == unit_id and m.entry.centre in centres}

    def add(self, new):
        for entry in new:
            entry.id = next(self.ids)
            self.items[entry.id] = CandidateMark(copy.deepcopy(entry))
            self.versions[entry.id] = 0

    def save(self, changed, by, at):
        for mark in changed:
            self.items[mark.entry.id] = copy.deepcopy(mark)
            self.versions[mark.entry.id] += 1

    def save_if_unchanged(self, mark, audited):
        """The change and its audit entry together, or neither."""
        if self.versions[mark.entry.id] != self.read[mark.entry.id]:
            return None
        self.save([mark], audited.user_id, audited.occurred_at)
        self.uow.audit.add(audited)
        return self._counts(mark.entry.unit_id, mark.entry.centre)

    def touch_sheet(self, unit_id, centre):
        for mark in self._of(unit_id, centre):
            self.versions[mark.entry.id] += 1

    def _counts(self, unit_id, centre):
        sheet = self._of(unit_id, centre)
        return Counts(len(sheet), sum(1 for m in sheet if m.complete))

    def counts_for_centre(self, centre):
        return {m.entry.unit_id: self._counts(m.entry.unit_id, centre) for m in self.items.values()
                if m.entry.centre == centre}

    def counts_for_unit(self, unit_id):
        return {m.entry.centre: self._counts(unit_id, m.entry.centre) for m in self.items.values()
                if m.entry.unit_id == unit_id}


@pytest.fixture
def uow(fake_unit_of_work):
    return fake_unit_of_work(FakeEntries)


@pytest.fixture
def oracy():
    """3700U1 as the guide shows it: two tasks of 40, teacher initials required."""
    return Unit(series=Series("GCSE NOVEMBER 2025", date(2028, 1, 13), id=1), code="3700U1",
                title="ENGLISH LANGUAGE UNIT 1 ORACY", kind=MARKS, deadline=date(2027, 11, 5),
                tasks=(Task("Task 1", 40), Task("Task 2", 40)), initials_required=True, id=1)


@pytest.fixture
def music():
    """A linear unit that allows carry forward."""
    return Unit(series=Series("GCSE JUNE 2025", date(2027, 8, 19), id=2), code="3660U1",
                title="MUSIC UNIT 1 PERFORMING", kind=MARKS, deadline=date(2027, 5, 15), tasks=(Task("Mark", 72),),
                initials_required=True, carry_forward_allowed=True, id=2)


@pytest.fixture
def criminology():
    return Unit(series=Series("APPLIED LEVEL 3 JUNE 2025", date(2027, 8, 12), id=3), code="9611/L3",
                title="CRIMINOLOGICAL THEORIES CONTROL ASSESSMENT", kind=OUTCOMES, deadline=date(2027, 5, 15),
                grades=("Pass", "Merit", "Distinction"), id=3)


@pytest.fixture
def candidate():
    def make(number="1054", surname="Jones", forename="Carys", unit_id=1, centre="68101"):
        return CandidateMark(Entry(unit_id=unit_id, centre=centre, candidate_number=number, surname=surname,
                                   forename=forename, date_of_birth=date(2010, 1, 2), id=int(number)))
    return make
