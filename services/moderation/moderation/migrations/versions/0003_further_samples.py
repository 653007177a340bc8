"""Further samples: the read models of submitted units and their current samples, and the requests made.

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
    op.create_table(
        "submitted_units",
        sa.Column("centre", sa.String(5), primary_key=True),
        sa.Column("unit_id", sa.Integer, primary_key=True),
        sa.Column("unit_code", sa.String(20), nullable=False),
        sa.Column("unit_title", sa.String(200), nullable=False),
        sa.Column("series", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("candidates", sa.JSON, nullable=False),
    )
    op.create_table(
        "current_samples",
        sa.Column("centre", sa.String(5), primary_key=True),
        sa.Column("unit_id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("members", sa.JSON, nullable=False),
    )
    op.create_table(
        "further_sample_requests",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("candidate_numbers", sa.JSON, nullable=False),
        sa.Column("requested_by", sa.String(100), nullable=False),
        sa.Column("requested_by_name", sa.String(200), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_further_sample_requests_unit", "further_sample_requests", ["centre", "unit_id"])


def downgrade():
    for table in ("further_sample_requests", "current_samples", "submitted_units"):
        op.drop_table(table)
