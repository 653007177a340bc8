"""Series and units; a unit always comes with its series (one join, never a second query)."""
from sqlalchemy import exists, insert, select
from sqlalchemy.orm import Session

from iamis_shared.inserts import inserted_rows

from ..domain.units import Series, Task, Unit
from .orm import entries, series, units

UNIT_COLUMNS = [units, series.c.name.label("series_name"), series.c.results_day]


def unit_from(row) -> Unit:
    return Unit(series=Series(name=row.series_name, results_day=row.results_day, id=row.series_id),
                code=row.code, title=row.title, kind=row.kind, deadline=row.deadline,
                tasks=tuple(Task(t["name"], t["max"]) for t in row.tasks), grades=tuple(row.grades),
                initials_required=row.initials_required, carry_forward_allowed=row.carry_forward_allowed,
                evidence_upload=row.evidence_upload, group_upload=row.group_upload, id=row.id)


class SeriesRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, new: Series) -> bool:
        """False if a series of that name exists (perhaps added by a racing request)."""
        result = inserted_rows(self.session, insert(series).values(name=new.name, results_day=new.results_day)
                             .returning(series.c.id))
        new.id = result[0].id if result else None
        return result is not None

    def get(self, series_id: int) -> Series | None:
        row = self.session.execute(select(series).where(series.c.id == series_id)).first()
        return Series(row.name, row.results_day, row.id) if row else None

    def get_by_name(self, name: str) -> Series | None:
        row = self.session.execute(select(series).where(series.c.name == name)).first()
        return Series(row.name, row.results_day, row.id) if row else None

    def list(self) -> list[Series]:
        return [Series(r.name, r.results_day, r.id)
                for r in self.session.execute(select(series).order_by(series.c.name))]


class KnownUnits:
    """Units by id, kept by each process: a unit is never edited once created, so a save need not read it."""

    def __init__(self, size: int = 2000):
        self.size, self._units = size, {}

    def get(self, unit_id: int) -> Unit | None:
        return self._units.get(unit_id)

    def keep(self, unit: Unit) -> None:
        if len(self._units) >= self.size:
            self._units.pop(next(iter(self._units), None), None)  # the longest known
        self._units[unit.id] = unit


class UnitRepository:
    def __init__(self, session: Session, known: KnownUnits | None = None):
        self.session, self.known = session, known if known is not None else KnownUnits()

    def _select(self):
        return select(*UNIT_COLUMNS).join(series, series.c.id == units.c.series_id)

    def add(self, unit: Unit) -> bool:
        """False if the series already has a unit with that code."""
        result = inserted_rows(self.session, insert(units).values(
            series_id=unit.series.id, code=unit.code, title=unit.title, kind=unit.kind,
            tasks=[{"name": t.name, "max": t.max} for t in unit.tasks], grades=list(unit.grades),
            initials_required=unit.initials_required, carry_forward_allowed=unit.carry_forward_allowed,
            evidence_upload=unit.evidence_upload, group_upload=unit.group_upload, deadline=unit.deadline,
        ).returning(units.c.id))
        unit.id = result[0].id if result else None
        return result is not None

    def get(self, unit_id: int) -> Unit | None:
        unit = self.known.get(unit_id)
        if unit is None:
            row = self.session.execute(self._select().where(units.c.id == unit_id)).first()
            if row is None:
                return None
            unit = unit_from(row)
            self.known.keep(unit)
        return unit

    def get_by_code(self, series_id: int, code: str) -> Unit | None:
        row = self.session.execute(self._select().where(units.c.series_id == series_id,
                                                        units.c.code == code)).first()
        return unit_from(row) if row else None

    def list_for_series(self, series_id: int) -> list[Unit]:
        query = self._select().where(units.c.series_id == series_id).order_by(units.c.code)
        return [unit_from(r) for r in self.session.execute(query)]

    def list_entered_by(self, centre: str) -> list[Unit]:
        """The units a centre has candidates entered for, by series name then code."""
        entered = exists().where(entries.c.unit_id == units.c.id, entries.c.centre == centre)
        query = self._select().where(entered).order_by(series.c.name, units.c.code)
        return [unit_from(r) for r in self.session.execute(query)]
