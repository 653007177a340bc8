"""Each candidate requested once per unit, held by a key (a backstop to the unit's row lock).

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "requested_candidates",
        sa.Column("centre", sa.String(5), primary_key=True),
        sa.Column("unit_id", sa.Integer, primary_key=True),
        sa.Column("candidate_number", sa.String(4), primary_key=True),
        sa.Column("request_id", sa.String(36), nullable=False),
    )
    # The requests made before this table: their candidates, once each.
    requests = sa.table("further_sample_requests", sa.column("id"), sa.column("centre"), sa.column("unit_id"),
                        sa.column("candidate_numbers", sa.JSON), sa.column("requested_at"))
    seen, rows = set(), []
    for request in op.get_bind().execute(sa.select(requests).order_by(requests.c.requested_at)):
        for number in request.candidate_numbers:
            if (request.centre, request.unit_id, number) not in seen:
                seen.add((request.centre, request.unit_id, number))
                rows.append({"centre": request.centre, "unit_id": request.unit_id, "candidate_number": number,
                             "request_id": request.id})
    if rows:
        op.bulk_insert(sa.table("requested_candidates", sa.column("centre"), sa.column("unit_id"),
                                sa.column("candidate_number"), sa.column("request_id")), rows)


def downgrade():
    op.drop_table("requested_candidates")
