"""Entries and their marks, read together in one joined query whatever the size of the marksheet.

A save reads without a lock and writes only if the row's version is still the one it read; an import
and a submission lock the marksheet's rows (SELECT ... FOR UPDATE) and bump the versions they change.
"""
from collections import Counter
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..domain.audit import AuditEntry
from ..domain.candidates import UNMARKED, CandidateMark, Entry
from ..domain.marksheet import Counts
from . import mark_save, marksheet_counting
from .mark_statements import FOR_CHANGE, SAVE, SHEET_COLUMNS, mark_values
from .orm import entries, marks, marksheet_counts


def mark_from(row) -> CandidateMark:
    """From a mapping of the entries and marks columns."""
    entry = Entry(unit_id=row["unit_id"], centre=row["centre"], candidate_number=row["candidate_number"],
                  surname=row["surname"], forename=row["forename"], date_of_birth=row["date_of_birth"],
                  late_entry=row["late_entry"], loaded_at=row["loaded_at"], id=row["id"])
    return CandidateMark(entry=entry, status=row["status"], task_marks=dict(row["task_marks"] or {}),
                         outcome=row["outcome"], initials=row["initials"], complete=row["complete"])


class EntryRepository:
    """Remembers what it read of each marks row (version, complete) and of each marksheet (counts): a write
    checks the version, and counts what it changes."""

    def __init__(self, session: Session):
        self.session = session
        self._read: dict[int, tuple[int, bool]] = {}
        self._sheet_counts: dict[tuple[int, str], Counts] = {}

    def _remember(self, row) -> CandidateMark:
        mark = mark_from(row)
        self._read[mark.entry.id] = (row["version"], mark.complete)
        return mark

    def _select(self, unit_id: int, centre: str, for_update: bool):
        query = (select(*SHEET_COLUMNS).join(marks, marks.c.entry_id == entries.c.id)
                 .where(entries.c.unit_id == unit_id, entries.c.centre == centre))
        return query.with_for_update(of=marks) if for_update else query

    def sheet(self, unit_id: int, centre: str, for_update: bool = False) -> list[CandidateMark]:
        query = self._select(unit_id, centre, for_update).order_by(entries.c.candidate_number)
        return [self._remember(r) for r in self.session.execute(query).mappings()]

    def for_change(self, unit_id: int, centre: str, candidate_number: str
                   ) -> tuple[CandidateMark, bool, Counts] | None:
        """The candidate's marks, whether the marksheet is submitted and its counts; nothing locked.

        One round trip: a save is the hottest path of the product, typed once per box by every teacher.
        """
        row = FOR_CHANGE.execute(self.session, {"unit_id": unit_id, "centre": centre,
                                                "number": candidate_number}).mappings().first()
        if row is None:
            return None
        counts = self._sheet_counts[unit_id, centre] = Counts(row["sheet_entries"], row["sheet_done"])
        return self._remember(row), row["submission_id"] is not None, counts

    def save_if_unchanged(self, mark: CandidateMark, audited: AuditEntry) -> Counts | None:
        """One candidate's change with its audit entry, and the marksheet's counts after it; None, and nothing
        written, if the row changed since it was read (a save, an import, or the submission, which touches
        every row)."""
        version, was_complete = self._read[mark.entry.id]
        sheet = (mark.entry.unit_id, mark.entry.centre)
        counts = mark_save.save_if_unchanged(self.session, mark, version, audited, self._sheet_counts[sheet],
                                             int(mark.complete) - int(was_complete))
        if counts is not None:
            self._read[mark.entry.id] = (version + 1, mark.complete)
        return counts

    def touch_sheet(self, unit_id: int, centre: str) -> None:
        """Make every earlier read of the marksheet stale, so a save that read before this cannot write."""
        sheet = select(entries.c.id).where(entries.c.unit_id == unit_id, entries.c.centre == centre)
        self.session.execute(update(marks).where(marks.c.entry_id.in_(sheet)).values(version=marks.c.version + 1))

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
        marksheet_counting.add(self.session, Counter((e.unit_id, e.centre) for e in new), Counter())

    def save(self, changed: list[CandidateMark], by: str, at: datetime) -> None:
        """Rows this repository read and locked (an import holds the marksheet's locks)."""
        if not changed:
            return
        was_complete = [self._read[m.entry.id][1] for m in changed]
        self.session.connection().execute(SAVE, [mark_values(m, by, at) for m in changed])
        for mark in changed:
            self._read[mark.entry.id] = (self._read[mark.entry.id][0] + 1, mark.complete)
        self._count_done(list(zip(changed, was_complete)))

    def _count_done(self, changes: list[tuple[CandidateMark, bool]]) -> dict[tuple[int, str], Counts]:
        done = Counter()
        for mark, was_complete in changes:
            done[mark.entry.unit_id, mark.entry.centre] += int(mark.complete) - int(was_complete)
        return marksheet_counting.add(self.session, Counter(), done)

    def _counts(self, *where, key):
        """From the counts rows kept in step with every change, not by counting the marks again."""
        query = select(key, marksheet_counts.c.entries, marksheet_counts.c.done).where(*where)
        return {r[0]: Counts(r.entries, r.done) for r in self.session.execute(query)}

    def counts_for_centre(self, centre: str) -> dict[int, Counts]:
        return self._counts(marksheet_counts.c.centre == centre, key=marksheet_counts.c.unit_id)

    def counts_for_unit(self, unit_id: int) -> dict[str, Counts]:
        return self._counts(marksheet_counts.c.unit_id == unit_id, key=marksheet_counts.c.centre)
