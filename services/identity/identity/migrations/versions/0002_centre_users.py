"""Centre users: invitations, the outgoing email queue, removed users, and names in the audit log.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    # A removed user keeps their row, so only the users still present need distinct emails.
    op.drop_index("ux_users_email", table_name="users")
    op.create_index("ux_users_email", "users", ["email"], unique=True,
                    postgresql_where=sa.text("removed_at IS NULL"), sqlite_where=sa.text("removed_at IS NULL"))
    # Adding columns is not an UPDATE: the append-only triggers of the audit log stay as they are.
    op.add_column("audit_log", sa.Column("actor_name", sa.String(201), nullable=True))
    op.add_column("audit_log", sa.Column("subject_user_id", sa.String(36), nullable=True))
    op.add_column("audit_log", sa.Column("subject_name", sa.String(201), nullable=True))
    op.create_table(
        "invitations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("invited_by", sa.String(36), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ux_invitations_token_hash", "invitations", ["token_hash"], unique=True)
    op.create_index("ix_invitations_user_id", "invitations", ["user_id"])
    op.create_table(
        "outgoing_emails",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("to_address", sa.String(320), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
    )
    op.create_index("ix_outgoing_emails_next_attempt_at", "outgoing_emails", ["next_attempt_at"])


def downgrade():
    op.drop_table("outgoing_emails")
    op.drop_table("invitations")
    for column in ("subject_name", "subject_user_id", "actor_name"):
        op.drop_column("audit_log", column)
    op.drop_index("ux_users_email", table_name="users")
    op.create_index("ux_users_email", "users", ["email"], unique=True)
    op.drop_column("users", "removed_at")
