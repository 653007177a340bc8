"""Samples and their candidates, each with the reason it was chosen.

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
        "samples",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("submission_id", sa.String(36), nullable=False, unique=True),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("unit_code", sa.String(20), nullable=False),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("policy", sa.String(40), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("statuses", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("unit_id", "centre", name="uq_samples_unit_centre"),
    )
    op.create_table(
        "sample_members",
        sa.Column("sample_id", sa.String(36), sa.ForeignKey("samples.id"), primary_key=True),
        sa.Column("candidate_number", sa.String(4), primary_key=True),
        sa.Column("reason", sa.String(30), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("added_by", sa.String(100), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade():
    op.drop_table("sample_members")
    op.drop_table("samples")
