"""Series, units, entries, marks, submissions and the append-only audit log.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

from iamis_shared.append_only import drop_append_only, make_append_only

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "series",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("results_day", sa.Date, nullable=False),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("series_id", sa.Integer, sa.ForeignKey("series.id"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("tasks", sa.JSON, nullable=False),
        sa.Column("grades", sa.JSON, nullable=False),
        sa.Column("initials_required", sa.Boolean, nullable=False),
        sa.Column("carry_forward_allowed", sa.Boolean, nullable=False),
        sa.Column("evidence_upload", sa.Boolean, nullable=False),
        sa.Column("group_upload", sa.Boolean, nullable=False),
        sa.Column("deadline", sa.Date, nullable=False),
        sa.UniqueConstraint("series_id", "code", name="uq_units_series_code"),
        sa.CheckConstraint("kind IN ('marks', 'outcomes')", name="ck_units_kind"),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("candidate_number", sa.String(4), nullable=False),
        sa.Column("surname", sa.String(60), nullable=False),
        sa.Column("forename", sa.String(60), nullable=False),
        sa.Column("date_of_birth", sa.Date, nullable=False),
        sa.Column("late_entry", sa.Boolean, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("unit_id", "centre", "candidate_number", name="uq_entries_unit_centre_candidate"),
    )
    op.create_index("ix_entries_centre_unit", "entries", ["centre", "unit_id"])
    op.create_table(
        "marks",
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id"), primary_key=True, autoincrement=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("task_marks", sa.JSON, nullable=False),
        sa.Column("outcome", sa.String(60), nullable=True),
        sa.Column("initials", sa.String(4), nullable=True),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by", sa.String(100), nullable=True),
        sa.CheckConstraint("status IN ('unmarked', 'marked', 'absent', 'carry_forward')", name="ck_marks_status"),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by_id", sa.String(100), nullable=False),
        sa.Column("submitted_by_name", sa.String(200), nullable=False),
        sa.Column("candidates", sa.Integer, nullable=False),
        sa.UniqueConstraint("unit_id", "centre", name="uq_submissions_unit_centre"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("user_id", sa.String(100), nullable=False),
        sa.Column("user_name", sa.String(200), nullable=False),
        sa.Column("user_email", sa.String(320), nullable=False),
        sa.Column("account_type", sa.String(20), nullable=False),
        sa.Column("centre", sa.String(5), nullable=True),
        sa.Column("unit_id", sa.Integer, nullable=True),
        sa.Column("candidate_number", sa.String(4), nullable=True),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    op.create_index("ix_audit_log_centre_occurred_at", "audit_log", ["centre", "occurred_at"])
    make_append_only(op, "audit_log")  # the database itself refuses to change or remove an entry


def downgrade():
    drop_append_only(op, "audit_log")
    for table in ("audit_log", "submissions", "marks", "entries", "units", "series"):
        op.drop_table(table)
