"""A version on each marks row and each marksheet's counts: a save neither locks nor counts.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COUNT_EXISTING = """
    INSERT INTO marksheet_counts (unit_id, centre, entries, done)
    SELECT entries.unit_id, entries.centre, COUNT(*), SUM(CASE WHEN marks.complete THEN 1 ELSE 0 END)
    FROM entries JOIN marks ON marks.entry_id = entries.id
    GROUP BY entries.unit_id, entries.centre
"""


def upgrade():
    with op.batch_alter_table("marks") as marks:
        marks.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "marksheet_counts",
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), primary_key=True, autoincrement=False),
        sa.Column("centre", sa.String(5), primary_key=True),
        sa.Column("entries", sa.Integer, nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
    )
    op.execute(COUNT_EXISTING)


def downgrade():
    op.drop_table("marksheet_counts")
    with op.batch_alter_table("marks") as marks:
        marks.drop_column("version")
