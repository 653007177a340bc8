"""Upgrading a database that already holds marks: every marksheet gets its counts, every row a version."""
from alembic import command
from sqlalchemy import create_engine, text

from iamis_shared.migrations import alembic_config

from .conftest import MIGRATIONS

BEFORE_0003 = [
    "INSERT INTO series (id, name, results_day) VALUES (1, 'GCSE JUNE 2025', '2027-08-19')",
    """INSERT INTO units (id, series_id, code, title, kind, tasks, grades, initials_required, carry_forward_allowed,
       evidence_upload, group_upload, deadline) VALUES
       (1, 1, '3660U1', 'MUSIC', 'marks', '[{"name": "Mark", "max": 72}]', '[]', false, false, false, false,
        '2027-05-15')""",
    """INSERT INTO entries (id, unit_id, centre, candidate_number, surname, forename, date_of_birth, late_entry,
       loaded_at) VALUES (1, 1, '68101', '1054', 'Jones', 'Carys', '2010-01-02', false, now()),
       (2, 1, '68101', '3268', 'Evans', 'Carys', '2010-01-02', false, now()),
       (3, 1, '68102', '2003', 'Price', 'Carys', '2010-01-02', false, now())""",
    """INSERT INTO marks (entry_id, status, task_marks, complete) VALUES
       (1, 'marked', '{"Mark": 50}', true), (2, 'unmarked', '{}', false), (3, 'absent', '{}', true)""",
]


def test_marksheets_marked_before_the_upgrade_are_counted(postgres_url):
    config = alembic_config(MIGRATIONS, postgres_url)
    command.upgrade(config, "0002")
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        for statement in BEFORE_0003:
            conn.execute(text(statement))
    command.upgrade(config, "head")
    with engine.connect() as conn:
        counts = conn.execute(text("SELECT unit_id, centre, entries, done FROM marksheet_counts ORDER BY centre"))
        assert counts.all() == [(1, "68101", 2, 1), (1, "68102", 1, 1)]
        assert conn.execute(text("SELECT DISTINCT version FROM marks")).all() == [(0,)]
    engine.dispose()
    command.downgrade(config, "0002")
