"""Sending one email over SMTP with the standard library; says whether a failure is worth retrying."""
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from iamis_shared.config import env, env_bool, env_int

PERMANENT_FROM = 500  # SMTP replies 5xx: the server will never take this message


class MailRefused(Exception):
    """The mail server refused this message for good (a 5xx about the recipient or the content)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 1025
    sender: str = "IAMIS Portal <no-reply@iamis.invalid>"
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 10

    @classmethod
    def from_env(cls) -> "SmtpSettings":
        """Defaults suit the local mail catcher that `make run` starts; production sets its relay."""
        return cls(host=env("SMTP_HOST", "127.0.0.1"), port=env_int("SMTP_PORT", 1025),
                   sender=env("SMTP_FROM", cls.sender), username=env("SMTP_USERNAME") or None,
                   password=env("SMTP_PASSWORD") or None, starttls=env_bool("SMTP_STARTTLS", False))


class SmtpMailer:
    def __init__(self, settings: SmtpSettings):
        self.settings = settings

    def message(self, to_address: str, subject: str, body: str, language: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.settings.sender
        message["To"] = to_address
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(domain=self.settings.sender.rsplit("@", 1)[-1].strip("> "))
        message["Content-Language"] = language
        message.set_content(body)  # UTF-8, so ŵ and ŷ arrive intact
        return message

    def send(self, to_address: str, subject: str, body: str, language: str) -> None:
        settings = self.settings
        message = self.message(to_address, subject, body, language)
        try:
            with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
                if settings.starttls:
                    smtp.starttls()
                if settings.username:
                    smtp.login(settings.username, settings.password or "")
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if codes and all(code >= PERMANENT_FROM for code in codes):
                raise MailRefused(str(exc.recipients)) from exc
            raise
        except smtplib.SMTPDataError as exc:
            if exc.smtp_code >= PERMANENT_FROM:
                raise MailRefused(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
            raise
