"""Invite emails leave through identity's worker over real SMTP, and wait for a mail server that is down."""
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from identity.adapters.mail_queue import MailQueue
from identity.adapters.smtp_mailer import MailRefused, SmtpMailer, SmtpSettings
from iamis_shared.testing import free_port

USERS = "/api/identity/v1/centres/68101/users"
JOE = {"first_name": "Joe", "last_name": "Bloggs", "email": "j.bloggs@demo-centre.example", "language": "en",
       "account_type": "user"}


def test_an_email_waits_for_the_mail_server_and_goes_when_it_is_back(app, client, manager, mail_catcher, sql):
    _, headers = manager()
    assert client.post(USERS, json=JOE, headers=headers).status_code == 201
    queue, now = MailQueue(app.extensions["iamis_engine"]), datetime.now(timezone.utc)
    down = SmtpMailer(SmtpSettings(port=free_port(), timeout=2))  # nothing listens there
    assert queue.deliver_due(down.send, now) == 0
    [(attempts, waiting, body)] = sql("SELECT attempts, next_attempt_at - now() > interval '1 second', "
                                      "length(body) > 0 FROM outgoing_emails")
    assert (attempts, waiting, body) == (1, True, True)
    up = SmtpMailer(SmtpSettings(port=mail_catcher.smtp_port))
    assert queue.deliver_due(up.send, now) == 0  # not due yet
    assert queue.deliver_due(up.send, now + timedelta(minutes=1)) == 1
    assert "/invitation/" in mail_catcher.wait_for(JOE["email"])["text"]
    assert sql("SELECT attempts, body, last_error FROM outgoing_emails") == [(2, "", None)]


def test_the_worker_process_sends_the_invite_and_publishes_the_event(client, manager, database, mail_catcher,
                                                                     rabbitmq_url, bus_namespace, sql, tmp_path):
    _, headers = manager()
    joe = {**JOE, "email": "worker.test@demo-centre.example"}
    assert client.post(USERS, json=joe, headers=headers).status_code == 201
    env = dict(os.environ, DATABASE_URL=database, BUS_URL=rabbitmq_url, BUS_NAMESPACE=bus_namespace,
               SMTP_HOST="127.0.0.1", SMTP_PORT=str(mail_catcher.smtp_port),
               SMTP_FROM="Portal <portal@example.org>",
               IAMIS_VAR_DIR=str(tmp_path))
    with open(tmp_path / "worker.log", "wb") as log:
        worker = subprocess.Popen([sys.executable, "-m", "iamis_shared.cli", "identity", "worker"], env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            mail = mail_catcher.wait_for(joe["email"], timeout=30)
            deadline = time.monotonic() + 15
            unsent = "SELECT count(*) FROM outbox WHERE sent_at IS NULL"
            while sql(unsent) != [(0,)] and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(15)
    assert mail["sender"] == "portal@example.org" and mail["subject"].endswith("centre 68101")
    assert sql("SELECT routing_key, sent_at IS NOT NULL FROM outbox") == [("identity.user_invited", True)]
    assert worker.returncode == 0, (tmp_path / "worker.log").read_text()


def test_an_email_the_server_refuses_for_good_is_not_tried_again(app, client, manager, sql):
    _, headers = manager()
    assert client.post(USERS, json=JOE, headers=headers).status_code == 201
    queue, now = MailQueue(app.extensions["iamis_engine"]), datetime.now(timezone.utc)

    def refuse(*_):
        raise MailRefused("550 no such mailbox")

    assert queue.deliver_due(refuse, now) == 0
    assert queue.deliver_due(refuse, now + timedelta(days=1)) == 0
    assert sql("SELECT attempts, body, failed_at IS NOT NULL, last_error FROM outgoing_emails") == \
        [(1, "", True, "550 no such mailbox")]
