"""The sample ticks of each marksheet, replaced whole by each newer version of the sample."""
from sqlalchemy import Column, Integer, PrimaryKeyConstraint, String, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from ..domain.samples import SampleChanged
from .orm import metadata

sample_members = Table(
    "sample_members", metadata,
    Column("unit_id", Integer, nullable=False),
    Column("centre", String(5), nullable=False),
    Column("candidate_number", String(4), nullable=False),
    Column("reason", String(30), nullable=False),
    Column("sample_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    PrimaryKeyConstraint("unit_id", "centre", "candidate_number", name="pk_sample_members"),
)


class SampleMemberRepository:
    def __init__(self, session: Session):
        self.session = session

    def numbers(self, unit_id: int, centre: str) -> set[str]:
        """One statement, whatever the size of the marksheet."""
        t = sample_members
        return set(self.session.scalars(select(t.c.candidate_number).where(t.c.unit_id == unit_id,
                                                                            t.c.centre == centre)))

    def replace(self, sample: SampleChanged) -> bool:
        """Hold this version of the sample unless a newer one is held already; True if it was taken."""
        t = sample_members
        where = (t.c.unit_id == sample.unit_id, t.c.centre == sample.centre)
        held = self.session.execute(select(func.max(t.c.version)).where(*where)).scalar()
        if held is not None and held >= sample.version:
            return False
        self.session.execute(delete(t).where(*where))
        if sample.members:
            self.session.execute(insert(t), [
                {"unit_id": sample.unit_id, "centre": sample.centre, "candidate_number": m.candidate_number,
                 "reason": m.reason, "sample_id": sample.sample_id, "version": sample.version}
                for m in sample.members])
        return True
