"""Tables of the moderation database (its own; no other service reads them)."""
from sqlalchemy import MetaData

from iamis_shared.bus.tables import inbox_table, outbox_table

metadata = MetaData()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
