"""Tables of the sampling database (its own; no other service reads them)."""
from sqlalchemy import JSON, Column, ForeignKey, Integer, MetaData, String, Table, UniqueConstraint

from iamis_shared.bus.tables import inbox_table, outbox_table
from iamis_shared.db_types import UtcDateTime

metadata = MetaData()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# One sample per unit and centre, made from its one submission.
samples = Table(
    "samples", metadata,
    Column("id", String(36), primary_key=True),
    Column("submission_id", String(36), nullable=False, unique=True),
    Column("unit_id", Integer, nullable=False),
    Column("unit_code", String(20), nullable=False),
    Column("centre", String(5), nullable=False),
    Column("policy", String(40), nullable=False),
    Column("generated_at", UtcDateTime, nullable=False),
    Column("statuses", JSON, nullable=False),  # {"0001": "marked"}: every submitted candidate
    Column("version", Integer, nullable=False),
    UniqueConstraint("unit_id", "centre", name="uq_samples_unit_centre"),
)

sample_members = Table(
    "sample_members", metadata,
    Column("sample_id", String(36), ForeignKey("samples.id"), primary_key=True),
    Column("candidate_number", String(4), primary_key=True),
    Column("reason", String(30), nullable=False),
    Column("position", Integer, nullable=False),  # the order the moderator sees
    Column("added_by", String(100), nullable=True),
    Column("added_at", UtcDateTime, nullable=True),
)
