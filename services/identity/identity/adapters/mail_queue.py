"""The queue of outgoing emails: the worker claims what is due, sends it, and records the outcome.

Rows are claimed with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two workers never send the same email
at once. A failed send waits longer each time (capped), so a mail server that is down for a while
gets every email once it is back. A delivered email's body, which holds the one-time link, is blanked.
"""
import logging
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from .orm import outgoing_emails
from .smtp_mailer import MailRefused

log = logging.getLogger(__name__)
FIRST_RETRY_SECONDS = 5
MAX_RETRY_SECONDS = 15 * 60


def retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** max(0, attempts - 1)))


class MailQueue:
    def __init__(self, engine: Engine, batch_size: int = 20):
        self.engine, self.batch_size = engine, batch_size

    def deliver_due(self, send, now: datetime) -> int:
        """Send what is due with `send(to_address, subject, body, language)`; returns how many went."""
        table = outgoing_emails
        due = (select(table.c.id, table.c.to_address, table.c.subject, table.c.body, table.c.language,
                      table.c.attempts)
               .where(table.c.sent_at.is_(None), table.c.failed_at.is_(None), table.c.next_attempt_at <= now)
               .order_by(table.c.next_attempt_at, table.c.id).limit(self.batch_size)
               .with_for_update(skip_locked=True))
        delivered = 0
        with self.engine.begin() as conn:
            for row in conn.execute(due).all():
                mark = update(table).where(table.c.id == row.id)
                try:
                    send(row.to_address, row.subject, row.body, row.language)
                except MailRefused as exc:
                    log.error("email %s refused for good: %s", row.id, exc)
                    conn.execute(mark.values(failed_at=now, body="", attempts=row.attempts + 1,
                                             last_error=str(exc)[:2000]))
                except Exception as exc:  # server down or busy: keep it for a later attempt
                    log.warning("email %s not sent, will retry: %s", row.id, exc)
                    conn.execute(mark.values(attempts=row.attempts + 1, last_error=str(exc)[:2000],
                                             next_attempt_at=now + retry_delay(row.attempts + 1)))
                else:
                    conn.execute(mark.values(sent_at=now, body="", attempts=row.attempts + 1, last_error=None))
                    delivered += 1
        return delivered
