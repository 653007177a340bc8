"""Emails identity sends, written in the recipient's language, and queued in the same transaction as the
change that calls for them (a worker delivers them over SMTP, retrying until the mail server takes them)."""
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

WELSH_MONTHS = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
                "Hydref", "Tachwedd", "Rhagfyr")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


@dataclass
class OutgoingEmail:
    to_address: str
    subject: str
    body: str
    language: str
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


INVITATION = {
    "en": {
        "subject": "You have been invited to Portal for centre {centre}",
        "body": (
            "Dear {name},\n\n"
            "{inviter} has invited you to WJEC's Portal for centre {centre} ({centre_name}).\n\n"
            "To set up your account, open this link and choose a password:\n{link}\n\n"
            "The link works once and expires on {expires}.\n"
            "After choosing your password you sign in and set up an authenticator app, which gives you "
            "a 6-digit code each time you sign in.\n\n"
            "If you were not expecting this invite, you can ignore this email.\n"),
    },
    "cy": {
        "subject": "Rydych wedi cael gwahoddiad i'r Porth ar gyfer canolfan {centre}",
        "body": (
            "Annwyl {name},\n\n"
            "Mae {inviter} wedi eich gwahodd i Borth CBAC ar gyfer canolfan {centre} ({centre_name}).\n\n"
            "I sefydlu eich cyfrif, agorwch y ddolen hon a dewiswch gyfrinair:\n{link}\n\n"
            "Mae'r ddolen yn gweithio unwaith a daw i ben ar {expires}.\n"
            "Ar ôl dewis eich cyfrinair, byddwch yn mewngofnodi ac yn gosod ap dilysu, sy'n rhoi cod "
            "6 digid i chi bob tro y byddwch yn mewngofnodi.\n\n"
            "Os nad oeddech yn disgwyl y gwahoddiad hwn, gallwch anwybyddu'r e-bost hwn.\n"),
    },
}


def invitation_email(to_address: str, name: str, language: str, inviter: str, centre: str, centre_name: str,
                     link: str, expires_at: datetime, zone: str, now: datetime) -> OutgoingEmail:
    language = language if language in INVITATION else "en"
    text = INVITATION[language]
    values = {"name": name, "inviter": inviter, "centre": centre, "centre_name": centre_name, "link": link,
              "expires": local_moment(expires_at, zone, language)}
    return OutgoingEmail(to_address=to_address, subject=text["subject"].format(**values),
                         body=text["body"].format(**values), language=language, created_at=now)


def local_moment(moment: datetime, zone: str, language: str) -> str:
    """"3 December 2025 at 09:00" / "3 Rhagfyr 2025 am 09:00", in the site's time zone."""
    local = moment.astimezone(ZoneInfo(zone))
    months, joiner = (WELSH_MONTHS, "am") if language == "cy" else (ENGLISH_MONTHS, "at")
    return f"{local.day} {months[local.month - 1]} {local.year} {joiner} {local:%H:%M}"
