"""Keeping each marksheet's counts row in step with its entries and marks, in the same transaction.

Only the entries repository calls this, from every method that adds entries or changes marks, so the
counts cannot drift from the rows they count. Changes are relative (done = done + 1), so two
transactions changing one marksheet both count; the row lock orders them.
"""
from collections import Counter

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from iamis_shared.inserts import insert_once

from ..domain.marksheet import Counts
from .orm import marksheet_counts

_ADD = (update(marksheet_counts)
        .where(marksheet_counts.c.unit_id == bindparam("b_unit_id"),
               marksheet_counts.c.centre == bindparam("b_centre"))
        .values(entries=marksheet_counts.c.entries + bindparam("b_entries"),
                done=marksheet_counts.c.done + bindparam("b_done"))
        .returning(marksheet_counts.c.entries, marksheet_counts.c.done))


def add(session: Session, entries: Counter, done: Counter) -> dict[tuple[int, str], Counts]:
    """New entries and the change in complete candidates, by (unit id, centre); the counts now."""
    now = {}
    for unit_id, centre in sorted(set(entries) | set(done)):  # one order, so two writers cannot deadlock
        change = {"b_unit_id": unit_id, "b_centre": centre, "b_entries": entries[unit_id, centre],
                  "b_done": done[unit_id, centre]}
        if not change["b_entries"] and not change["b_done"]:
            continue
        row = session.execute(_ADD, change).first()
        if row is None and insert_once(session, insert(marksheet_counts).values(
                unit_id=unit_id, centre=centre, entries=change["b_entries"], done=change["b_done"])):
            row = (change["b_entries"], change["b_done"])
        elif row is None:  # a racing first load of the marksheet created the row meanwhile
            row = session.execute(_ADD, change).first()
        now[unit_id, centre] = Counts(*row)
    return now
