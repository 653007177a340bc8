"""Entries and their marks, read together in one joined query whatever the size of the marksheet.

Changes lock the marks rows first (SELECT ... FOR UPDATE), so a save, an import and a submission
of the same marksheet never interleave.
"""
from datetime import datetime

from sqlalchemy import and_, bindparam, case, exists, func, insert, select, update
from sqlalchemy.orm import Session

from ..domain.candidates import UNMARKED, CandidateMark, Entry
from ..domain.marksheet import Counts
from ..domain.units import Unit
from .orm import entries, marks, series, submissions, units
from .unit_repository import UNIT_COLUMNS, unit_from

SHEET_COLUMNS = [entries, marks.c.status, marks.c.task_marks, marks.c.outcome, marks.c.initials, marks.c.complete]


def mark_from(row) -> CandidateMark:
    """From a mapping of the entries and marks columns."""
    entry = Entry(unit_id=row["unit_id"], centre=row["centre"], candidate_number=row["candidate_number"],
                  surname=row["surname"], forename=row["forename"], date_of_birth=row["date_of_birth"],
                  late_entry=row["late_entry"], loaded_at=row["loaded_at"], id=row["id"])
    return CandidateMark(entry=entry, status=row["status"], task_marks=dict(row["task_marks"] or {}),
                         outcome=row["outcome"], initials=row["initials"], complete=row["complete"])


def _for_change_statement():
    sheet_entries, sheet_marks = entries.alias("sheet_entries"), marks.alias("sheet_marks")

    def over_sheet(column):
        return (select(column)
                .select_from(sheet_entries.join(sheet_marks, sheet_marks.c.entry_id == sheet_entries.c.id))
                .where(sheet_entries.c.unit_id == bindparam("unit_id"),
                       sheet_entries.c.centre == bindparam("centre"))
                .scalar_subquery())

    done = func.coalesce(func.sum(case((sheet_marks.c.complete, 1), else_=0)), 0)
    submitted = and_(submissions.c.unit_id == entries.c.unit_id, submissions.c.centre == entries.c.centre)
    return (select(*UNIT_COLUMNS, *SHEET_COLUMNS[1:], *[c.label(f"e_{c.name}") for c in entries.c],
                   submissions.c.id.label("submission_id"),
                   over_sheet(func.count()).label("sheet_entries"), over_sheet(done).label("sheet_done"))
            .select_from(entries.join(marks, marks.c.entry_id == entries.c.id)
                         .join(units, units.c.id == entries.c.unit_id)
                         .join(series, series.c.id == units.c.series_id)
                         .outerjoin(submissions, submitted))
            .where(entries.c.unit_id == bindparam("unit_id"), entries.c.centre == bindparam("centre"),
                   entries.c.candidate_number == bindparam("number"))
            .with_for_update(of=marks))


# Built once: constructing this joined statement per request cost as much as running it.
FOR_CHANGE = _for_change_statement()


class EntryRepository:
    def __init__(self, session: Session):
        self.session = session

    def _select(self, unit_id: int, centre: str, for_update: bool):
        query = (select(*SHEET_COLUMNS).join(marks, marks.c.entry_id == entries.c.id)
                 .where(entries.c.unit_id == unit_id, entries.c.centre == centre))
        return query.with_for_update(of=marks) if for_update else query

    def sheet(self, unit_id: int, centre: str, for_update: bool = False) -> list[CandidateMark]:
        query = self._select(unit_id, centre, for_update).order_by(entries.c.candidate_number)
        return [mark_from(r) for r in self.session.execute(query).mappings()]

    def for_change(self, unit_id: int, centre: str, candidate_number: str
                   ) -> tuple[Unit, CandidateMark, bool, Counts] | None:
        """The unit, the candidate's marks (locked), whether the marksheet is submitted and its counts.

        One round trip: a save is the hottest path of the product, typed once per box by every teacher.
        """
        row = self.session.execute(FOR_CHANGE, {"unit_id": unit_id, "centre": centre,
                                                "number": candidate_number}).first()
        if row is None:
            return None
        entry = {name[2:]: value for name, value in row._mapping.items() if name.startswith("e_")}
        mark = mark_from({**row._mapping, **entry})
        return unit_from(row), mark, row.submission_id is not None, Counts(row.sheet_entries, int(row.sheet_done))

    def save_unless_submitted(self, mark: CandidateMark, by: str, at: datetime) -> bool:
        """One candidate's change; False if the marksheet was submitted meanwhile (its own snapshot)."""
        entry = mark.entry
        submitted = exists().where(submissions.c.unit_id == entry.unit_id, submissions.c.centre == entry.centre)
        result = self.session.execute(
            update(marks).where(marks.c.entry_id == entry.id, ~submitted).values(
                status=mark.status, task_marks=mark.task_marks, outcome=mark.outcome, initials=mark.initials,
                complete=mark.complete, updated_at=at, updated_by=by[:100]))
        return result.rowcount == 1

    def has_entries(self, unit_id: int, centre: str) -> bool:
        query = select(entries.c.id).where(entries.c.unit_id == unit_id, entries.c.centre == centre).limit(1)
        return self.session.execute(query).first() is not None

    def entered(self, unit_id: int, centres: set[str]) -> set[tuple[str, str]]:
        query = select(entries.c.centre, entries.c.candidate_number).where(
            entries.c.unit_id == unit_id, entries.c.centre.in_(sorted(centres)))
        return {(r.centre, r.candidate_number) for r in self.session.execute(query)}

    def add(self, new: list[Entry]) -> None:
        """New entries, each with an empty marks row."""
        if not new:
            return
        rows = [{"unit_id": e.unit_id, "centre": e.centre, "candidate_number": e.candidate_number,
                 "surname": e.surname, "forename": e.forename, "date_of_birth": e.date_of_birth,
                 "late_entry": e.late_entry, "loaded_at": e.loaded_at} for e in new]
        ids = self.session.scalars(insert(entries).returning(entries.c.id, sort_by_parameter_order=True),
                                   rows).all()
        for entry, entry_id in zip(new, ids):
            entry.id = entry_id
        self.session.execute(insert(marks), [{"entry_id": i, "status": UNMARKED, "task_marks": {},
                                              "complete": False} for i in ids])

    def save(self, changed: list[CandidateMark], by: str, at: datetime) -> None:
        if not changed:
            return
        statement = update(marks).where(marks.c.entry_id == bindparam("b_entry_id")).values(
            status=bindparam("b_status"), task_marks=bindparam("b_task_marks"), outcome=bindparam("b_outcome"),
            initials=bindparam("b_initials"), complete=bindparam("b_complete"), updated_at=at, updated_by=by[:100])
        self.session.connection().execute(statement, [
            {"b_entry_id": m.entry.id, "b_status": m.status, "b_task_marks": m.task_marks, "b_outcome": m.outcome,
             "b_initials": m.initials, "b_complete": m.complete} for m in changed])

    def _counts(self, *where, group_by):
        done = func.sum(case((marks.c.complete, 1), else_=0))
        query = (select(group_by, func.count().label("n"), done.label("done"))
                 .select_from(entries.join(marks, marks.c.entry_id == entries.c.id))
                 .where(*where).group_by(group_by))
        return {r[0]: Counts(r.n, int(r.done or 0)) for r in self.session.execute(query)}

    def counts_for_centre(self, centre: str) -> dict[int, Counts]:
        return self._counts(entries.c.centre == centre, group_by=entries.c.unit_id)

    def counts_for_unit(self, unit_id: int) -> dict[str, Counts]:
        return self._counts(entries.c.unit_id == unit_id, group_by=entries.c.centre)
