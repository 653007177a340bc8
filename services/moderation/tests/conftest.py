"""In-memory repositories (allocations, read models, further-sample requests) and unit of work, for the unit tests."""
import copy

import pytest

from moderation.domain.errors import AlreadyAllocated


class FakeAllocations:
    def __init__(self):
        self.items = {}  # (centre, moderator email) -> Allocation

    def get(self, centre, moderator_email):
        return self.items.get((centre, moderator_email))

    def add(self, allocation):
        key = (allocation.centre, allocation.moderator_email)
        if key in self.items:  # as the UNIQUE constraint refuses a racing duplicate
            raise AlreadyAllocated()
        self.items[key] = allocation

    def list(self, moderator_email=None, centre=None):
        return [a for key, a in sorted(self.items.items())
                if moderator_email in (None, a.moderator_email) and centre in (None, a.centre)]


class FakeReadModels:
    def __init__(self):
        self.units, self.samples = {}, {}  # (centre, unit id) -> SubmittedUnit, CurrentSample

    def unit(self, centre, unit_id, for_update=False):
        return self.units.get((centre, unit_id))

    def sample(self, centre, unit_id):
        return self.samples.get((centre, unit_id))


class FakeRequests:
    def __init__(self):
        self.items = []

    def add(self, request):
        self.items.append(request)

    def for_unit(self, centre, unit_id):
        return [r for r in self.items if (r.centre, r.unit_id) == (centre, unit_id)]


class FakeUnitOfWork:
    """Changes and events are kept only on commit, as the real transaction keeps them."""

    def __init__(self):
        self.allocations, self.read_models, self.further_samples = FakeAllocations(), FakeReadModels(), FakeRequests()
        self.pending, self.published, self._saved = [], [], None

    def __enter__(self):
        self._saved = copy.copy(self.allocations.items), list(self.further_samples.items)
        return self

    def __exit__(self, *_):
        if self._saved is not None:
            (self.allocations.items, self.further_samples.items), self.pending = self._saved, []
        self._saved = None

    def publish(self, envelope):
        self.pending.append(envelope)

    def commit(self):
        self.published += self.pending
        self.pending, self._saved = [], None

    def events(self, routing_key):
        return [e for e in self.published if e.type == routing_key]


@pytest.fixture
def uow():
    return FakeUnitOfWork()
