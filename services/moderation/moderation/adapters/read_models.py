"""The read models built from the bus: submitted units and their current samples."""
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from iamis_shared.inserts import insert_once

from ..domain.units import CurrentSample, SampleMember, SubmittedCandidate, SubmittedUnit
from .orm import current_samples, submitted_units

CANDIDATE_KEYS = ("candidate_number", "surname", "forename", "status", "total", "outcome", "initials")


class ReadModels:
    def __init__(self, session: Session):
        self.session = session

    def unit(self, centre: str, unit_id: int, for_update: bool = False) -> SubmittedUnit | None:
        """`for_update` holds the unit's row until commit: requests for one unit are checked one at a time."""
        t = submitted_units
        query = select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        if row is None:
            return None
        return SubmittedUnit(centre=row.centre, unit_id=row.unit_id, unit_code=row.unit_code,
                             unit_title=row.unit_title, series=row.series, kind=row.kind,
                             submitted_at=row.submitted_at,
                             candidates=tuple(SubmittedCandidate(**{k: c.get(k) for k in CANDIDATE_KEYS})
                                              for c in row.candidates))

    def put_unit(self, unit: SubmittedUnit) -> None:
        """A marksheet is submitted once; a second copy of the event replaces the first with the same."""
        t = submitted_units
        self.session.execute(delete(t).where(t.c.centre == unit.centre, t.c.unit_id == unit.unit_id))
        self.session.execute(insert(t).values(
            centre=unit.centre, unit_id=unit.unit_id, unit_code=unit.unit_code, unit_title=unit.unit_title,
            series=unit.series, kind=unit.kind, submitted_at=unit.submitted_at,
            candidates=[{k: getattr(c, k) for k in CANDIDATE_KEYS} for c in unit.candidates]))

    def sample(self, centre: str, unit_id: int) -> CurrentSample | None:
        t = current_samples
        row = self.session.execute(select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)).first()
        if row is None:
            return None
        return CurrentSample(row.centre, row.unit_id, row.version,
                             tuple(SampleMember(m["candidate_number"], m["reason"]) for m in row.members))

    def replace_sample(self, sample: CurrentSample) -> bool:
        """Hold this version unless the same or a newer one is held; True if it was taken."""
        t = current_samples
        members = [{"candidate_number": m.candidate_number, "reason": m.reason} for m in sample.members]
        if insert_once(self.session, insert(t).values(centre=sample.centre, unit_id=sample.unit_id,
                                                      version=sample.version, members=members)):
            return True
        changed = self.session.execute(update(t).where(t.c.centre == sample.centre, t.c.unit_id == sample.unit_id,
                                                       t.c.version < sample.version)
                                       .values(version=sample.version, members=members))
        return changed.rowcount == 1
