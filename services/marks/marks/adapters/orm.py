"""Tables of the marks database (its own; no other service reads them)."""
from sqlalchemy import (JSON, BigInteger, Boolean, Column, Date, ForeignKey, Index, Integer, MetaData, String,
                        Table, UniqueConstraint)

from iamis_shared.bus.tables import inbox_table, outbox_table

from iamis_shared.db_types import UtcDateTime

metadata = MetaData()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

series = Table(
    "series", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("results_day", Date, nullable=False),
)

units = Table(
    "units", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("series_id", Integer, ForeignKey("series.id"), nullable=False),
    Column("code", String(20), nullable=False),
    Column("title", String(200), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("tasks", JSON, nullable=False),  # [{"name": "Task 1", "max": 40}], in the marksheet's order
    Column("grades", JSON, nullable=False),  # lowest to highest: ["Pass", "Merit", "Distinction"]
    Column("initials_required", Boolean, nullable=False),
    Column("carry_forward_allowed", Boolean, nullable=False),
    Column("evidence_upload", Boolean, nullable=False),
    Column("group_upload", Boolean, nullable=False),
    Column("deadline", Date, nullable=False),
    UniqueConstraint("series_id", "code", name="uq_units_series_code"),
)

entries = Table(
    "entries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_id", Integer, ForeignKey("units.id"), nullable=False),
    Column("centre", String(5), nullable=False),
    Column("candidate_number", String(4), nullable=False),
    Column("surname", String(60), nullable=False),
    Column("forename", String(60), nullable=False),
    Column("date_of_birth", Date, nullable=False),
    Column("late_entry", Boolean, nullable=False),
    Column("loaded_at", UtcDateTime, nullable=False),
    UniqueConstraint("unit_id", "centre", "candidate_number", name="uq_entries_unit_centre_candidate"),
    Index("ix_entries_centre_unit", "centre", "unit_id"),
)

# One row per entry, created with it; `complete` is the domain's verdict, kept so counts are one query.
marks = Table(
    "marks", metadata,
    Column("entry_id", Integer, ForeignKey("entries.id"), primary_key=True, autoincrement=False),
    Column("status", String(20), nullable=False),
    Column("task_marks", JSON, nullable=False),  # {"Task 1": 15}: only the tasks that have a mark
    Column("outcome", String(60), nullable=True),
    Column("initials", String(4), nullable=True),
    Column("complete", Boolean, nullable=False),
    Column("updated_at", UtcDateTime, nullable=True),
    Column("updated_by", String(100), nullable=True),
    # Bumped by every write: a save writes only if the row is still the version it read.
    Column("version", Integer, nullable=False, server_default="0"),
)

# Each marksheet's counts, changed in the transaction that changes them: a save answers with the counts
# without counting a marksheet of up to a thousand candidates.
marksheet_counts = Table(
    "marksheet_counts", metadata,
    Column("unit_id", Integer, ForeignKey("units.id"), primary_key=True, autoincrement=False),
    Column("centre", String(5), primary_key=True),
    Column("entries", Integer, nullable=False),
    Column("done", Integer, nullable=False),
)

submissions = Table(
    "submissions", metadata,
    Column("id", String(36), primary_key=True),
    Column("unit_id", Integer, ForeignKey("units.id"), nullable=False),
    Column("centre", String(5), nullable=False),
    Column("submitted_at", UtcDateTime, nullable=False),
    Column("submitted_by_id", String(100), nullable=False),
    Column("submitted_by_name", String(200), nullable=False),
    Column("candidates", Integer, nullable=False),
    UniqueConstraint("unit_id", "centre", name="uq_submissions_unit_centre"),  # a marksheet is submitted once
)

# Append-only (a database trigger refuses UPDATE and DELETE); no foreign keys, so it outlives what it names.
audit_log = Table(
    "audit_log", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("action", String(40), nullable=False),
    Column("user_id", String(100), nullable=False),
    Column("user_name", String(200), nullable=False),
    Column("user_email", String(320), nullable=False),
    Column("account_type", String(20), nullable=False),
    Column("centre", String(5), nullable=True),
    Column("unit_id", Integer, nullable=True),
    Column("candidate_number", String(4), nullable=True),
    Column("detail", JSON, nullable=False),
    Index("ix_audit_log_centre_occurred_at", "centre", "occurred_at"),
)
