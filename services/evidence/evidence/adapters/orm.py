"""Tables of the evidence database (its own; no other service reads them)."""
from sqlalchemy import (JSON, BigInteger, Boolean, Column, Date, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, UniqueConstraint)

from iamis_shared.bus.tables import inbox_table, outbox_table
from iamis_shared.db_types import UtcDateTime

metadata = MetaData()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# Read models, built from the bus: the submitted marksheet, the current sample, the centre's moderators.
submitted_units = Table(
    "submitted_units", metadata,
    Column("centre", String(5), primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("unit_code", String(20), nullable=False),
    Column("unit_title", String(200), nullable=False),
    Column("series", String(100), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("deadline", Date, nullable=False),
    Column("evidence_upload", Boolean, nullable=False),
    Column("group_upload", Boolean, nullable=False),
    Column("submitted_at", UtcDateTime, nullable=False),
    Column("candidates", JSON, nullable=False),  # [{"candidate_number", "surname", "forename"}]
)

current_samples = Table(
    "current_samples", metadata,
    Column("centre", String(5), primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
    # [{"candidate_number", "reason", "work_missing", "substitute_for", "note_to_moderator"}], in the sample's order
    Column("members", JSON, nullable=False),
)

moderator_allocations = Table(
    "moderator_allocations", metadata,
    Column("allocation_id", String(36), primary_key=True),
    Column("centre", String(5), nullable=False),
    Column("moderator_email", String(320), nullable=False),  # lower case, as in the moderator's token
    Column("moderator_name", String(200), nullable=False),
    Column("allocated_at", UtcDateTime, nullable=False),
    UniqueConstraint("centre", "moderator_email", name="uq_moderator_allocations_centre_email"),
    Index("ix_moderator_allocations_email", "moderator_email"),
)

# The service's own records.
upload_sessions = Table(
    "upload_sessions", metadata,
    Column("id", String(36), primary_key=True),
    Column("centre", String(5), nullable=False),
    Column("unit_id", Integer, nullable=False),
    Column("candidate_number", String(4), nullable=True),
    Column("filename", String(1024), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("content_type", String(255), nullable=False),
    Column("last_modified", BigInteger, nullable=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("s3_upload_id", Text, nullable=False),
    Column("part_size", Integer, nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("created_by_name", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_activity_at", UtcDateTime, nullable=False),  # started or a part last signed: expiry counts from it
    Index("ix_upload_sessions_unit", "centre", "unit_id"),
    Index("ix_upload_sessions_last_activity", "last_activity_at"),
)

# One row per part signed: parts are signed several at a time, so each is its own insert.
upload_part_digests = Table(
    "upload_part_digests", metadata,
    Column("upload_id", String(36), ForeignKey("upload_sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("part_number", Integer, primary_key=True),
    Column("sha256", String(44), nullable=False),
    Column("md5", String(24), nullable=True),  # None: signed before MD5s were recorded
)

evidence_files = Table(
    "evidence_files", metadata,
    Column("id", String(36), primary_key=True),
    Column("centre", String(5), nullable=False),
    Column("unit_id", Integer, nullable=False),
    Column("candidate_number", String(4), nullable=True),
    Column("filename", String(1024), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("content_type", String(255), nullable=False),
    Column("key", String(200), nullable=False, unique=True),
    Column("checksum_sha256", String(60), nullable=False),
    Column("uploaded_by", String(100), nullable=False),
    Column("uploaded_by_name", String(200), nullable=False),
    Column("uploaded_at", UtcDateTime, nullable=False),
    Index("ix_evidence_files_unit", "centre", "unit_id"),
)

moderator_notes = Table(
    "moderator_notes", metadata,
    Column("centre", String(5), primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("updated_by", String(100), nullable=False),
    Column("updated_by_name", String(200), nullable=False),
)
