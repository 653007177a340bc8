"""The outbox and the inbox.

Revision ID: 0001
"""
from alembic import op

from iamis_shared.bus.tables import create_bus_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    create_bus_tables(op)


def downgrade():
    op.drop_table("inbox")
    op.drop_table("outbox")
