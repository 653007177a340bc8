"""Tables of the moderation database (its own; no other service reads them)."""
from sqlalchemy import Column, MetaData, String, Table, UniqueConstraint

from iamis_shared.bus.tables import inbox_table, outbox_table
from iamis_shared.db_types import UtcDateTime

metadata = MetaData()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# A moderator allocated to a centre; the same moderator is never allocated to one centre twice.
allocations = Table(
    "allocations", metadata,
    Column("id", String(36), primary_key=True),
    Column("centre", String(5), nullable=False),
    Column("moderator_email", String(254), nullable=False),  # lower case: tokens carry it so
    Column("moderator_name", String(200), nullable=False),
    Column("allocated_at", UtcDateTime, nullable=False),
    Column("allocated_by", String(100), nullable=False),
    UniqueConstraint("centre", "moderator_email", name="uq_allocations_centre_moderator"),
)
