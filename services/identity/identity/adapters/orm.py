"""Tables of the identity database (its own; no other service reads them)."""
from sqlalchemy import (JSON, BigInteger, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text)
from sqlalchemy.orm import registry

from iamis_shared.bus.tables import inbox_table, outbox_table

from ..domain.audit import AuditEntry
from ..domain.invitations import Invitation
from ..domain.model import Centre, User
from ..domain.sessions import SignInChallenge, UserSession
from iamis_shared.db_types import UtcDateTime

metadata = MetaData()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

centres = Table(
    "centres", metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
)

users = Table(
    "users", metadata,
    Column("id", String(36), primary_key=True),
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(100), nullable=False),
    Column("email", String(320), nullable=False),  # stored lower-case: unique whatever the case
    Column("language", String(2), nullable=False, default="en"),
    Column("account_type", String(20), nullable=False),
    Column("centre_number", Integer, ForeignKey("centres.number"), nullable=True, index=True),
    Column("permissions", JSON, nullable=False, default=list),
    Column("status", String(20), nullable=False),
    Column("password_hash", String(255), nullable=True),
    Column("mfa_secret", String(64), nullable=True),
    Column("mfa_last_step", BigInteger, nullable=True),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", UtcDateTime, nullable=True),
    Column("last_signed_in_at", UtcDateTime, nullable=True),
    Column("activated_at", UtcDateTime, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("removed_at", UtcDateTime, nullable=True),
)
# A removed user's row stays (their name is still shown beside their marks), so only users still
# present need distinct emails: a removed teacher who comes back can be invited again.
Index("ux_users_email", users.c.email, unique=True, postgresql_where=users.c.removed_at.is_(None),
      sqlite_where=users.c.removed_at.is_(None))

sign_in_challenges = Table(
    "sign_in_challenges", metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("pending_secret", String(64), nullable=True),
    Column("used_at", UtcDateTime, nullable=True),
)

sessions = Table(
    "sessions", metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_seen_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime, nullable=True),
    Column("end_reason", String(40), nullable=True),
)

# Append-only (a database trigger refuses UPDATE and DELETE); no foreign key, so an entry
# outlives the user it names.
audit_log = Table(
    "audit_log", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("actor_user_id", String(36), nullable=True),
    Column("actor_email", String(320), nullable=True),
    Column("centre", String(5), nullable=True),
    Column("action", String(40), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("detail", JSON, nullable=False),
    Column("ip", String(255), nullable=True),  # X-Forwarded-For as the gateway sent it
    Column("user_agent", Text, nullable=True),
    Column("actor_name", String(201), nullable=True),
    Column("subject_user_id", String(36), nullable=True),  # the user invited, changed or removed
    Column("subject_name", String(201), nullable=True),
    Index("ix_audit_log_centre_occurred_at", "centre", "occurred_at"),
)

# Only the token's hash is kept; the token itself is in the invitation email alone.
invitations = Table(
    "invitations", metadata,
    Column("id", String(36), primary_key=True),
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("invited_by", String(36), nullable=True),
    Column("used_at", UtcDateTime, nullable=True),
    Column("revoked_at", UtcDateTime, nullable=True),
    Index("ux_invitations_token_hash", "token_hash", unique=True),
)

# Emails waiting for the worker; the body (which holds the invitation link) is blanked once delivered.
outgoing_emails = Table(
    "outgoing_emails", metadata,
    Column("id", String(36), primary_key=True),
    Column("to_address", String(320), nullable=False),
    Column("subject", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("language", String(2), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False, index=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("sent_at", UtcDateTime, nullable=True),
    Column("failed_at", UtcDateTime, nullable=True),  # the mail server refused it for good
    Column("last_error", Text, nullable=True),
)

mapper_registry = registry()
mapper_registry.map_imperatively(Centre, centres)
mapper_registry.map_imperatively(User, users)
mapper_registry.map_imperatively(SignInChallenge, sign_in_challenges)
mapper_registry.map_imperatively(UserSession, sessions)
mapper_registry.map_imperatively(AuditEntry, audit_log)
mapper_registry.map_imperatively(Invitation, invitations)
