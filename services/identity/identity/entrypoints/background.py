"""What identity's worker runs beside the outbox relay: the delivery of queued emails."""
import logging
import threading
from datetime import datetime, timezone

from sqlalchemy.engine import Engine

from ..adapters.mail_queue import MailQueue
from ..adapters.smtp_mailer import SmtpMailer, SmtpSettings

log = logging.getLogger(__name__)


class MailDelivery:
    """Polls the email queue; `stop()` ends the loop from another thread."""

    def __init__(self, queue: MailQueue, mailer: SmtpMailer, poll_interval: float = 1.0):
        self.queue, self.mailer, self.poll_interval = queue, mailer, poll_interval
        self.stopping = threading.Event()

    def run_once(self) -> int:
        return self.queue.deliver_due(self.mailer.send, datetime.now(timezone.utc))

    def run_forever(self) -> None:
        while not self.stopping.is_set():
            try:
                delivered = self.run_once()
            except Exception:  # the database itself failed; log and keep the loop alive
                log.exception("email delivery: database error")
                delivered = 0
            if not delivered:
                self.stopping.wait(self.poll_interval)

    def stop(self) -> None:
        self.stopping.set()


def tasks(engine: Engine, _settings: dict) -> list:
    return [MailDelivery(MailQueue(engine), SmtpMailer(SmtpSettings.from_env()))]
