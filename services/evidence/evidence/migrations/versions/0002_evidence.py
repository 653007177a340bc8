"""Evidence: the read models (submitted units, current samples, moderator allocations), upload sessions with
the digests of the parts signed, the files kept, and the notes to the moderator.

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
        "submitted_units",
        sa.Column("centre", sa.String(5), primary_key=True),
        sa.Column("unit_id", sa.Integer, primary_key=True),
        sa.Column("unit_code", sa.String(20), nullable=False),
        sa.Column("unit_title", sa.String(200), nullable=False),
        sa.Column("series", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("deadline", sa.Date, nullable=False),
        sa.Column("evidence_upload", sa.Boolean, nullable=False),
        sa.Column("group_upload", sa.Boolean, nullable=False),
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
        "moderator_allocations",
        sa.Column("allocation_id", sa.String(36), primary_key=True),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("moderator_email", sa.String(320), nullable=False),
        sa.Column("moderator_name", sa.String(200), nullable=False),
        sa.Column("allocated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("centre", "moderator_email", name="uq_moderator_allocations_centre_email"),
    )
    op.create_index("ix_moderator_allocations_email", "moderator_allocations", ["moderator_email"])
    op.create_table(
        "upload_sessions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("candidate_number", sa.String(4), nullable=True),
        sa.Column("filename", sa.String(1024), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("content_type", sa.String(255), nullable=False),
        sa.Column("last_modified", sa.BigInteger, nullable=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("s3_upload_id", sa.Text, nullable=False),
        sa.Column("part_size", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_by_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_upload_sessions_unit", "upload_sessions", ["centre", "unit_id"])
    op.create_table(
        "upload_part_digests",
        sa.Column("upload_id", sa.String(36), sa.ForeignKey("upload_sessions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("part_number", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(44), nullable=False),
    )
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("centre", sa.String(5), nullable=False),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("candidate_number", sa.String(4), nullable=True),
        sa.Column("filename", sa.String(1024), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("content_type", sa.String(255), nullable=False),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("checksum_sha256", sa.String(60), nullable=False),
        sa.Column("uploaded_by", sa.String(100), nullable=False),
        sa.Column("uploaded_by_name", sa.String(200), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_evidence_files_unit", "evidence_files", ["centre", "unit_id"])
    op.create_table(
        "moderator_notes",
        sa.Column("centre", sa.String(5), primary_key=True),
        sa.Column("unit_id", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_by_name", sa.String(200), nullable=False),
    )


def downgrade():
    for table in ("moderator_notes", "evidence_files", "upload_part_digests", "upload_sessions",
                  "moderator_allocations", "current_samples", "submitted_units"):
        op.drop_table(table)
