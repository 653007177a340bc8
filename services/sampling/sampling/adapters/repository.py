"""Samples in and out of their two tables; a sample is written whole (at most 25 systemic rows plus additions)."""
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ..domain.sample import Sample, SampleMember
from ..domain.work import CandidateWork
from .orm import sample_members, samples

MEMBER_COLUMNS = ("added_by", "added_at", "work_missing", "substitute_for", "note_to_moderator")


class SampleRepository:
    def __init__(self, session: Session):
        self.session = session

    def exists_for(self, unit_id: int, centre: str) -> bool:
        return self.session.execute(select(samples.c.id).where(samples.c.unit_id == unit_id,
                                                               samples.c.centre == centre)).first() is not None

    def get(self, unit_id: int, centre: str, for_update: bool = False, with_work: bool = False) -> Sample | None:
        """`with_work` also reads every candidate with complete work: only choosing a substitute needs it."""
        columns = [c for c in samples.c if with_work or c.name != "work"]
        query = select(*columns).where(samples.c.unit_id == unit_id, samples.c.centre == centre)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        if row is None:
            return None
        members = self.session.execute(select(sample_members).where(sample_members.c.sample_id == row.id)
                                       .order_by(sample_members.c.position)).all()
        work = (row.work or {}) if with_work else {}
        return Sample(id=row.id, submission_id=row.submission_id, unit_id=row.unit_id, unit_code=row.unit_code,
                      centre=row.centre, generated_at=row.generated_at, statuses=row.statuses, version=row.version,
                      members=[SampleMember(m.candidate_number, m.reason, **{c: getattr(m, c) for c in MEMBER_COLUMNS})
                               for m in members],
                      work={number: CandidateWork.stored(number, data) for number, data in work.items()})

    def add(self, sample: Sample, policy: str) -> None:
        self.session.execute(insert(samples).values(
            id=sample.id, submission_id=sample.submission_id, unit_id=sample.unit_id, unit_code=sample.unit_code,
            centre=sample.centre, policy=policy, generated_at=sample.generated_at,
            statuses=sample.statuses, version=sample.version,
            work={number: w.as_stored() for number, w in sample.work.items()}))
        self._write_members(sample)

    def save(self, sample: Sample) -> None:
        self.session.execute(update(samples).where(samples.c.id == sample.id).values(version=sample.version))
        self.session.execute(delete(sample_members).where(sample_members.c.sample_id == sample.id))
        self._write_members(sample)

    def _write_members(self, sample: Sample) -> None:
        if sample.members:
            self.session.execute(insert(sample_members), [
                {"sample_id": sample.id, "candidate_number": m.candidate_number, "reason": m.reason,
                 "position": position, **{c: getattr(m, c) for c in MEMBER_COLUMNS}}
                for position, m in enumerate(sample.members)])
