"""The read models built from the bus: submitted units, their current samples, the centres' moderators."""
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from iamis_shared.inserts import insert_once

from ..domain.units import CurrentSample, SampleMember, SubmittedCandidate, SubmittedUnit
from .orm import current_samples, evidence_files, moderator_allocations, submitted_units


class ReadModels:
    def __init__(self, session: Session):
        self.session = session

    def unit(self, centre: str, unit_id: int) -> SubmittedUnit | None:
        t = submitted_units
        row = self.session.execute(select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)).first()
        return _unit(row) if row else None

    def put_unit(self, unit: SubmittedUnit) -> None:
        """A marksheet is submitted once; a second copy of the event replaces the first with the same."""
        t = submitted_units
        self.session.execute(delete(t).where(t.c.centre == unit.centre, t.c.unit_id == unit.unit_id))
        self.session.execute(insert(t).values(
            centre=unit.centre, unit_id=unit.unit_id, unit_code=unit.unit_code, unit_title=unit.unit_title,
            series=unit.series, kind=unit.kind, deadline=unit.deadline, evidence_upload=unit.evidence_upload,
            group_upload=unit.group_upload, submitted_at=unit.submitted_at,
            candidates=[{"candidate_number": c.candidate_number, "surname": c.surname, "forename": c.forename}
                        for c in unit.candidates]))

    def sample(self, centre: str, unit_id: int) -> CurrentSample | None:
        t = current_samples
        row = self.session.execute(select(t).where(t.c.centre == centre, t.c.unit_id == unit_id)).first()
        if row is None:
            return None
        # Rows kept before work_missing was known lack the newer keys: each has work and replaces nobody's.
        return CurrentSample(row.centre, row.unit_id, row.version, tuple(
            SampleMember(m["candidate_number"], m["reason"], bool(m.get("work_missing")), m.get("substitute_for"),
                         m.get("note_to_moderator"))
            for m in row.members))

    def replace_sample(self, sample: CurrentSample) -> bool:
        """Hold this version unless the same or a newer one is held; True if it was taken."""
        t = current_samples
        members = [{"candidate_number": m.candidate_number, "reason": m.reason, "work_missing": m.work_missing,
                    "substitute_for": m.substitute_for, "note_to_moderator": m.note_to_moderator}
                   for m in sample.members]
        where = (t.c.centre == sample.centre, t.c.unit_id == sample.unit_id)
        if insert_once(self.session, insert(t).values(centre=sample.centre, unit_id=sample.unit_id,
                                                      version=sample.version, members=members)):
            return True
        changed = self.session.execute(update(t).where(*where, t.c.version < sample.version)
                                       .values(version=sample.version, members=members))
        return changed.rowcount == 1

    def allocate(self, allocation_id: str, centre: str, email: str, name: str, at) -> bool:
        return insert_once(self.session, insert(moderator_allocations).values(
            allocation_id=allocation_id, centre=centre, moderator_email=email.strip().lower(),
            moderator_name=name, allocated_at=at))

    def is_allocated(self, centre: str, email: str) -> bool:
        t = moderator_allocations
        return bool(email) and self.session.execute(select(t.c.allocation_id).where(
            t.c.centre == centre, t.c.moderator_email == email)).first() is not None

    def allocated_centres(self, email: str) -> list[str]:
        t = moderator_allocations
        return list(self.session.scalars(select(t.c.centre).where(t.c.moderator_email == email).order_by(t.c.centre)))

    def upload_units(self, centres: list[str] | None) -> list[tuple[SubmittedUnit, int]]:
        """Submitted units that take uploads, of these centres (None: every centre), each with its file count."""
        t, f = submitted_units, evidence_files
        files = (select(func.count()).where(f.c.centre == t.c.centre, f.c.unit_id == t.c.unit_id)
                 .correlate(t).scalar_subquery())
        query = select(t, files.label("files")).where(t.c.evidence_upload.is_(True))
        if centres is not None:
            query = query.where(t.c.centre.in_(centres))
        rows = self.session.execute(query.order_by(t.c.centre, t.c.series, t.c.unit_code)).all()
        return [(_unit(row), row.files) for row in rows]


def _unit(row) -> SubmittedUnit:
    return SubmittedUnit(
        centre=row.centre, unit_id=row.unit_id, unit_code=row.unit_code, unit_title=row.unit_title,
        series=row.series, kind=row.kind, deadline=row.deadline, evidence_upload=row.evidence_upload,
        group_upload=row.group_upload, submitted_at=row.submitted_at,
        candidates=tuple(SubmittedCandidate(c["candidate_number"], c["surname"], c["forename"])
                         for c in row.candidates))
