"""The candidates in each marksheet's moderation sample, as the sampling service publishes them.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sample_members",
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("candidate_number", sa.String(4), nullable=False),
        sa.Column("reason", sa.String(30), nullable=False),
        sa.Column("sample_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("unit_id", "centre", "candidate_number", name="pk_sample_members"),
    )


def downgrade():
    op.drop_table("sample_members")
