"""Each part's MD5 beside its SHA-256 (the store reports a part's MD5 as its ETag: completion compares them),
and when an upload last had a part signed (an upload being resumed is not abandoned mid-way).

Parts signed before this keep no MD5; their uploads cannot be completed and are abandoned as usual.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMNs: on SQLite a batch operation would copy upload_sessions and drop the original, and the
    # drop would cascade to every part digest recorded.
    op.add_column("upload_part_digests", sa.Column("md5", sa.String(24), nullable=True))
    op.add_column("upload_sessions", sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE upload_sessions SET last_activity_at = created_at")
    if op.get_bind().dialect.name != "sqlite":  # SQLite cannot add NOT NULL in place; every row has a value
        op.alter_column("upload_sessions", "last_activity_at", existing_type=sa.DateTime(timezone=True),
                        nullable=False)
    op.create_index("ix_upload_sessions_last_activity", "upload_sessions", ["last_activity_at"])


def downgrade():
    op.drop_index("ix_upload_sessions_last_activity", "upload_sessions")
    op.drop_column("upload_sessions", "last_activity_at")
    op.drop_column("upload_part_digests", "md5")
