"""Tables of the reports database (its own; no other service reads them)."""
from sqlalchemy import JSON, Boolean, Column, MetaData, String, Table
from sqlalchemy.orm import registry

from iamis_shared.bus.tables import inbox_table, outbox_table
from iamis_shared.db_types import UtcDateTime

from ..domain.model import DirectoryEntry

metadata = MetaData()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

user_directory = Table(
    "user_directory", metadata,
    Column("user_id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("email", String(320), nullable=False),
    Column("account_type", String(40), nullable=False),
    Column("centres", JSON, nullable=False),
    Column("activated_at", UtcDateTime()),
    Column("removed", Boolean, nullable=False, default=False),
)

mapper_registry = registry()
mapper_registry.map_imperatively(DirectoryEntry, user_directory)
