"""The board's use cases: series, units, entries (with late entries), and the overview of centres."""
from datetime import date, datetime

from ..domain.access import Actor
from ..domain.audit import ENTRIES_LOADED
from ..domain.candidates import Entry
from ..domain.entry_rows import read_entry_rows, refuse
from ..domain.errors import SeriesExists, SeriesNotFound, UnitExists
from ..domain.events import EntriesLoaded
from ..domain.line_errors import line_error
from ..domain.units import Series, Task, Unit, check_new_unit
from .audit import record
from .handlers import centre_unit
from .outgoing import entries_loaded
from .views import series_view, unit_view


def create_series(uow, name: str, results_day: date) -> dict:
    with uow:
        series = Series(name=" ".join(name.split()).upper(), results_day=results_day)
        if not uow.series.add(series):
            raise SeriesExists(f"There is already a series called {series.name}.")
        uow.commit()
    return series_view(series)


def list_series(uow) -> list[dict]:
    with uow:
        return [series_view(s) for s in uow.series.list()]


def create_unit(uow, series_id: int, spec: dict) -> dict:
    with uow:
        series = uow.series.get(series_id)
        if series is None:
            raise SeriesNotFound()
        unit = Unit(series=series, code=spec["code"].strip().upper(), title=" ".join(spec["title"].split()).upper(),
                    kind=spec["kind"], deadline=spec["deadline"],
                    tasks=tuple(Task(t["name"].strip(), t["max"]) for t in spec.get("tasks", ())),
                    grades=tuple(g.strip() for g in spec.get("grades", ())),
                    **{k: spec.get(k, False) for k in ("initials_required", "carry_forward_allowed",
                                                       "evidence_upload", "group_upload")})
        check_new_unit(unit)
        if not uow.units.add(unit):
            raise UnitExists(f"{series.name} already has a unit {unit.code}.")
        uow.commit()
    return unit_view(unit)


def list_units(uow, series_id: int) -> list[dict]:
    with uow:
        if uow.series.get(series_id) is None:
            raise SeriesNotFound()
        return [unit_view(u) for u in uow.units.list_for_series(series_id)]


def get_unit(uow, unit_id: int) -> dict:
    with uow:
        return unit_view(centre_unit(uow, unit_id))


def load_entries(uow, actor: Actor, unit_id: int, rows: list[tuple[int, dict]], now: datetime) -> dict:
    """All rows or none; candidates added after a centre's first load for the unit are late entries."""
    with uow:
        unit = centre_unit(uow, unit_id)
        good, errors = read_entry_rows(rows, now.date())
        centres = {r.centre for r in good}
        entered, submitted = uow.entries.entered(unit.id, centres), uow.submissions.for_unit(unit.id)
        for r in good:
            if (r.centre, r.candidate_number) in entered:
                errors.append(line_error(r.line, r.candidate_number, "ALREADY_ENTERED", f"Candidate "
                                         f"{r.candidate_number} is already entered for {unit.code} at centre "
                                         f"{r.centre}.", candidate=r.candidate_number, unit=unit.code,
                                         centre=r.centre))
            elif r.centre in submitted:
                errors.append(line_error(r.line, r.candidate_number, "CENTRE_SUBMITTED", f"Centre {r.centre} has "
                                         f"already submitted its marks for {unit.code}; a late entry needs a "
                                         "mark amendment request.", centre=r.centre, unit=unit.code))
        refuse(errors)
        had_entries = {c for c, _ in entered}
        new = [Entry(unit_id=unit.id, centre=r.centre, candidate_number=r.candidate_number, surname=r.surname,
                     forename=r.forename, date_of_birth=r.date_of_birth, late_entry=r.centre in had_entries,
                     loaded_at=now) for r in good]
        uow.entries.add(new)
        for centre in sorted(centres):
            numbers = [e.candidate_number for e in new if e.centre == centre]
            late = centre in had_entries
            uow.publish(entries_loaded(EntriesLoaded(unit.id, unit.code, unit.series.name, centre,
                                                     tuple(numbers), late, now)))
            record(uow, actor, now, ENTRIES_LOADED, centre, unit.id, candidate_numbers=numbers, late=late)
        uow.commit()
    return {"added": len(new), "late": sum(e.late_entry for e in new), "centres": sorted(centres)}


def centre_overview(uow, unit_id: int) -> list[dict]:
    with uow:
        centre_unit(uow, unit_id)
        counts, submitted = uow.entries.counts_for_unit(unit_id), uow.submissions.for_unit(unit_id)
    return [{"centre": c, "entries": n.entries, "done": n.done, "submitted": c in submitted}
            for c, n in sorted(counts.items())]
