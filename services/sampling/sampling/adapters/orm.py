"""Tables of the sampling database (its own; no other service reads them)."""
from sqlalchemy import (JSON, Boolean, Column, ForeignKey, Integer, MetaData, String, Table, UniqueConstraint,
                        false)

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
    # {"0001": {"score": 34, "total": 34, "outcome": null, "name": "JONES: CARYS"}}: those with complete work,
    # from which substitutes are offered. Null for samples chosen before it was kept.
    Column("work", JSON, nullable=True),
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
    Column("work_missing", Boolean, nullable=False, server_default=false()),
    Column("substitute_for", String(4), nullable=True),
    Column("note_to_moderator", String(1000), nullable=True),
)

# The sample sizes board staff set for a unit; a unit without a row follows the default policy.
sampling_policies = Table(
    "sampling_policies", metadata,
    Column("unit_id", Integer, primary_key=True),
    Column("bands", JSON, nullable=False),  # [[15, null], [100, 15], [200, 20]]: (up to, size or everyone)
    Column("over", Integer, nullable=False),
    Column("set_by", String(100), nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
)
