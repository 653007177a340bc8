"""Moderator allocations: which moderator moderates which centre.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "allocations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("moderator_email", sa.String(254), nullable=False),
        sa.Column("moderator_name", sa.String(200), nullable=False),
        sa.Column("allocated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("allocated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("centre", "moderator_email", name="uq_allocations_centre_moderator"),
    )


def downgrade():
    op.drop_table("allocations")
