"""Time-based one-time codes (RFC 6238, 30-second steps, one step of clock drift either way)."""
import hmac
from datetime import datetime
from urllib.parse import quote

import pyotp

INTERVAL = 30
VALID_WINDOW = 1
ISSUER = "IAMIS"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return f"otpauth://totp/{ISSUER}:{quote(email, safe='@')}?secret={secret}&issuer={ISSUER}"


def matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step the code belongs to, or None; the caller refuses a step already used."""
    code = "".join(code.split())
    if not code.isdigit():
        return None
    totp = pyotp.TOTP(secret, interval=INTERVAL)
    current = totp.timecode(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(code, totp.generate_otp(step)):
            return step
    return None


def code_at(secret: str, now: datetime) -> str:
    return pyotp.TOTP(secret, interval=INTERVAL).at(now)
