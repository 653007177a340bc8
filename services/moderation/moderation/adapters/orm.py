"""Tables of the moderation database (its own; no other service reads them)."""
from sqlalchemy import JSON, Column, Index, Integer, MetaData, String, Table, UniqueConstraint

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

# Read models, built from the bus: the submitted marksheet and the current sample of each unit at a centre.
submitted_units = Table(
    "submitted_units", metadata,
    Column("centre", String(5), primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("unit_code", String(20), nullable=False),
    Column("unit_title", String(200), nullable=False),
    Column("series", String(100), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("submitted_at", UtcDateTime, nullable=False),
    # [{"candidate_number", "surname", "forename", "status", "total", "outcome", "initials"}], as submitted
    Column("candidates", JSON, nullable=False),
)

current_samples = Table(
    "current_samples", metadata,
    Column("centre", String(5), primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("members", JSON, nullable=False),  # [{"candidate_number", "reason"}], in the sample's order
)

# The service's own record: who asked for which further samples, and when.
further_sample_requests = Table(
    "further_sample_requests", metadata,
    Column("id", String(36), primary_key=True),
    Column("centre", String(5), nullable=False),
    Column("unit_id", Integer, nullable=False),
    Column("candidate_numbers", JSON, nullable=False),  # ["1004", "1010"], as ticked
    Column("requested_by", String(100), nullable=False),
    Column("requested_by_name", String(200), nullable=False),
    Column("requested_at", UtcDateTime, nullable=False),
    Index("ix_further_sample_requests_unit", "centre", "unit_id"),
)

# Each candidate requested once per unit: the key refuses a second request for them even where the unit's row
# lock cannot order two requests (SQLite, in the one-command run, ignores FOR UPDATE).
requested_candidates = Table(
    "requested_candidates", metadata,
    Column("centre", String(5), primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("candidate_number", String(4), primary_key=True),
    Column("request_id", String(36), nullable=False),
)
