"""The outbox, the inbox and the user directory.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from iamis_shared.bus.tables import create_bus_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    create_bus_tables(op)
    op.create_table(
        "user_directory",
        sa.Column("user_id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("account_type", sa.String(40), nullable=False),
        sa.Column("centres", sa.JSON, nullable=False),
        sa.Column("activated_at", sa.DateTime(timezone=True)),
        sa.Column("removed", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade():
    op.drop_table("user_directory")
    op.drop_table("inbox")
    op.drop_table("outbox")
