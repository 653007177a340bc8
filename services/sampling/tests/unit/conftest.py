"""A unit of work holding samples and policies in memory, with the events it would put in the outbox."""
import copy

import pytest


class FakeSamples:
    def __init__(self):
        self.held: dict[tuple[int, str], object] = {}
        self.policies_used: list[str] = []

    def exists_for(self, unit_id, centre):
        return (unit_id, centre) in self.held

    def get(self, unit_id, centre, for_update=False, with_work=False):
        sample = copy.deepcopy(self.held.get((unit_id, centre)))
        if sample is not None and not with_work:
            sample.work = {}
        return sample

    def add(self, sample, policy):
        self.held[(sample.unit_id, sample.centre)] = copy.deepcopy(sample)
        self.policies_used.append(policy)

    def save(self, sample):
        kept = self.held[(sample.unit_id, sample.centre)]
        self.held[(sample.unit_id, sample.centre)] = copy.deepcopy(sample)
        self.held[(sample.unit_id, sample.centre)].work = kept.work  # the work column is never rewritten


class FakePolicies:
    def __init__(self):
        self.held = {}

    def get(self, unit_id):
        return self.held.get(unit_id)

    def put(self, unit_id, policy, set_by, set_at):
        self.held[unit_id] = (policy, set_by, set_at)

    def remove(self, unit_id):
        self.held.pop(unit_id, None)


class FakeUnitOfWork:
    def __init__(self):
        self.samples, self.policies = FakeSamples(), FakePolicies()
        self.pending, self.published, self.commits = [], [], 0

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.pending = []  # what was not committed is lost

    def publish(self, envelope):
        self.pending.append(envelope)

    def commit(self):
        self.published += self.pending
        self.pending, self.commits = [], self.commits + 1


@pytest.fixture
def empty_uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()
