"""Substitutes for missing or incomplete work, the work they are chosen from, and a sampling policy per unit.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("samples", sa.Column("work", sa.JSON, nullable=True))
    op.add_column("sample_members", sa.Column("work_missing", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("sample_members", sa.Column("substitute_for", sa.String(4), nullable=True))
    op.add_column("sample_members", sa.Column("note_to_moderator", sa.String(1000), nullable=True))
    op.create_table(
        "sampling_policies",
        sa.Column("unit_id", sa.Integer, primary_key=True),
        sa.Column("bands", sa.JSON, nullable=False),
        sa.Column("over", sa.Integer, nullable=False),
        sa.Column("set_by", sa.String(100), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade():
    op.drop_table("sampling_policies")
    with op.batch_alter_table("sample_members") as batch:  # SQLite drops columns by copying the table
        for column in ("note_to_moderator", "substitute_for", "work_missing"):
            batch.drop_column(column)
    with op.batch_alter_table("samples") as batch:
        batch.drop_column("work")
