"""What a new password must be: long enough, not a well-known one, and not made of the person's own name.

The list of well-known passwords ships with the package (common_passwords.txt), so the check needs no
network and gives the same answer everywhere.
"""
import re
from functools import lru_cache
from pathlib import Path

from .errors import PasswordRejected

MIN_LENGTH = 12
MAX_LENGTH = 1024
MIN_DISTINCT_CHARACTERS = 5
PERSONAL_PART_MIN_LENGTH = 3
# Letter swaps people make to dress up a common word ("P@ssw0rd").
UNSWAPPED = str.maketrans({"@": "a", "4": "a", "$": "s", "5": "s", "0": "o", "1": "l", "!": "i", "3": "e",
                           "7": "t", "+": "t"})
EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
REPEATED = re.compile(r"^(.+?)\1+$")

TOO_SHORT, TOO_LONG, COMMON, PERSONAL = "too_short", "too_long", "common", "personal"


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = (Path(__file__).with_name("common_passwords.txt")).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def check_new_password(password: str, first_name: str, last_name: str, email: str) -> None:
    """Raise PasswordRejected, with a reason the gateway turns into the person's own language."""
    if len(password) < MIN_LENGTH:
        raise PasswordRejected(TOO_SHORT, f"Your password must be {MIN_LENGTH} characters or more.")
    if len(password) > MAX_LENGTH:
        raise PasswordRejected(TOO_LONG, f"Your password must be {MAX_LENGTH} characters or fewer.")
    if is_well_known(password):
        raise PasswordRejected(COMMON, "This password is too common and easy to guess. Choose a different one, "
                                       "for example three random words.")
    if contains_personal_details(password, first_name, last_name, email):
        raise PasswordRejected(PERSONAL, "Your password must not contain your name or email address.")


def is_well_known(password: str) -> bool:
    lowered = password.lower()
    if len(set(lowered)) < MIN_DISTINCT_CHARACTERS:
        return True
    listed = common_passwords()
    candidates = {lowered, lowered.translate(UNSWAPPED)}
    candidates |= {re.sub(r"[\W_]+", "", c) for c in candidates}
    candidates |= {EDGES.sub("", c) for c in candidates}
    candidates |= {EDGES.sub("", c.translate(UNSWAPPED)) for c in candidates}
    for candidate in list(candidates):
        repeated = REPEATED.match(candidate)
        if repeated:
            candidates.add(repeated.group(1))
    return any(candidate in listed for candidate in candidates if candidate)


def contains_personal_details(password: str, first_name: str, last_name: str, email: str) -> bool:
    squashed = re.sub(r"[\W_]+", "", password.lower())
    local_part = email.lower().split("@", 1)[0]
    parts = {first_name, last_name, local_part, *re.split(r"[\W_]+", local_part)}
    parts = {re.sub(r"[\W_]+", "", part.lower()) for part in parts}
    return any(len(part) >= PERSONAL_PART_MIN_LENGTH and part in squashed for part in parts)
