"""A save as ONE statement on PostgreSQL: the candidate's marks row (only if still at the version read), the
marksheet's counts and the audit entry, joined by data-modifying CTEs.

One round trip, and atomic on its own, so a save needs no transaction around it (no BEGIN, no COMMIT: see
the unit of work). The counts and the audit entry are written only FROM the updated row, so nothing is
written unless the row is still as read. Rows are locked in the order the separate statements took them
(marks row, then counts row), so saves, imports and submissions still cannot deadlock.

SQLite (the one-command run) has no data-modifying CTEs: there the same writes run one after another in
the session's transaction.
"""
from collections import Counter

from sqlalchemy import bindparam, exists, insert, select, true, update
from sqlalchemy.orm import Session

from ..domain.audit import AuditEntry
from ..domain.candidates import CandidateMark
from ..domain.marksheet import Counts
from . import marksheet_counting
from .audit_repository import COLUMNS as AUDIT_COLUMNS
from .audit_repository import AuditRepository
from .mark_statements import mark_values, write_marks
from .orm import audit_log, marks, marksheet_counts
from .prepared import Prepared


SAVE_IF_UNCHANGED = write_marks().where(marks.c.version == bindparam("b_version"))


def _save_statement(counted: bool):
    saved = SAVE_IF_UNCHANGED.returning(marks.c.entry_id).cte("saved")
    # Typed parameters, which PostgreSQL's dialect casts ($n::VARCHAR): INSERT ... SELECT gives them no type.
    entry = select(*[bindparam(f"a_{name}", type_=audit_log.c[name].type) for name in AUDIT_COLUMNS])
    audited = insert(audit_log).from_select(AUDIT_COLUMNS, entry.select_from(saved)).cte("audited")
    if not counted:  # no candidate became complete or stopped being: the counts row is not even locked
        return select(saved.c.entry_id).add_cte(audited)
    counts = (update(marksheet_counts)
              .where(marksheet_counts.c.unit_id == bindparam("c_unit_id"),
                     marksheet_counts.c.centre == bindparam("c_centre"), exists(select(saved.c.entry_id)))
              .values(done=marksheet_counts.c.done + bindparam("c_done"))
              .returning(marksheet_counts.c.entries, marksheet_counts.c.done).cte("counted"))
    return select(saved.c.entry_id, counts.c.entries, counts.c.done).select_from(
        saved.join(counts, true())).add_cte(audited)


SAVE = Prepared("marks_save", _save_statement(counted=False))
SAVE_COUNTED = Prepared("marks_save_counted", _save_statement(counted=True))


def in_one_statement(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def save_if_unchanged(session: Session, mark: CandidateMark, version: int, audited: AuditEntry, counts: Counts,
                      done: int) -> Counts | None:
    """Write the mark, count `done` more complete candidates (-1, 0 or 1) and add the audit entry, if the row
    is still at `version`: the marksheet's counts after it (`counts`, as read, if `done` is 0). None, and
    nothing written, if the row changed since it was read."""
    values = {**mark_values(mark, audited.user_id, audited.occurred_at), "b_version": version}
    if not in_one_statement(session):
        return _one_after_another(session, mark, values, audited, counts, done)
    values.update({f"a_{name}": getattr(audited, name) for name in AUDIT_COLUMNS})
    if done:
        values.update(c_unit_id=mark.entry.unit_id, c_centre=mark.entry.centre, c_done=done)
    row = (SAVE_COUNTED if done else SAVE).execute(session, values).first()
    if row is None:
        return None
    return Counts(row.entries, row.done) if done else counts


def _one_after_another(session: Session, mark: CandidateMark, values: dict, audited: AuditEntry, counts: Counts,
                       done: int) -> Counts | None:
    if session.connection().execute(SAVE_IF_UNCHANGED, values).rowcount != 1:
        return None
    sheet = (mark.entry.unit_id, mark.entry.centre)
    counts = marksheet_counting.add(session, Counter(), Counter({sheet: done})).get(sheet, counts)
    AuditRepository(session).add(audited)
    return counts


def commit_each_statement(session: Session):
    """Where a save is one statement, let each statement of the session commit itself (psycopg2's autocommit:
    no BEGIN before the first, no COMMIT after the last; switching it costs no round trip). Returns what
    puts the connection back as the pool expects it, or None where nothing changed."""
    if not in_one_statement(session):
        return None
    driver = session.connection().connection.driver_connection
    driver.autocommit = True

    def end() -> None:
        if not driver.closed:
            driver.autocommit = False
    return end
