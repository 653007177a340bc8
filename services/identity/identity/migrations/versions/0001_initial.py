"""The outbox and inbox, centres, users, sign-in challenges, sessions and the append-only audit log.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from iamis_shared.append_only import drop_append_only, make_append_only
from iamis_shared.bus.tables import create_bus_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    create_bus_tables(op)
    op.create_table(
        "centres",
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.CheckConstraint("number BETWEEN 0 AND 79999", name="ck_centres_number_range"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("language", sa.String(2), nullable=False, server_default="en"),
        sa.Column("account_type", sa.String(20), nullable=False),
        sa.Column("centre_number", sa.Integer, sa.ForeignKey("centres.number"), nullable=True),
        sa.Column("permissions", sa.JSON, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("mfa_secret", sa.String(64), nullable=True),
        sa.Column("mfa_last_step", sa.BigInteger, nullable=True),
        sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_signed_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("activated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("language IN ('en', 'cy')", name="ck_users_language"),
        sa.CheckConstraint("account_type IN ('exams_officer', 'admin', 'user', 'moderator', 'board_staff')",
                           name="ck_users_account_type"),
        sa.CheckConstraint("status IN ('invited', 'active')", name="ck_users_status"),
    )
    # Emails are stored lower-case, so this also makes them unique regardless of case.
    op.create_index("ux_users_email", "users", ["email"], unique=True)
    op.create_index("ix_users_centre_number", "users", ["centre_number"])
    op.create_table(
        "sign_in_challenges",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pending_secret", sa.String(64), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_sign_in_challenges_user_id", "sign_in_challenges", ["user_id"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(40), nullable=True),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_user_id", sa.String(36), nullable=True),
        sa.Column("actor_email", sa.String(320), nullable=True),
        sa.Column("centre", sa.String(5), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("ip", sa.String(255), nullable=True),
        sa.Column("user_agent", sa.Text, nullable=True),
    )
    op.create_index("ix_audit_log_centre_occurred_at", "audit_log", ["centre", "occurred_at"])
    make_append_only(op, "audit_log")  # the database itself refuses to change or remove an entry


def downgrade():
    drop_append_only(op, "audit_log")
    for table in ("audit_log", "sessions", "sign_in_challenges", "users", "centres", "inbox", "outbox"):
        op.drop_table(table)
