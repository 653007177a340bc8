"""A new password: long enough, not a well-known one however dressed up, and not the person's own name."""
import pytest

from identity.domain.errors import PasswordRejected
from identity.domain.password_rules import check_new_password


def reason(password: str) -> str | None:
    try:
        check_new_password(password, "Gwen", "Llewelyn", "g.llewelyn@ysgol.example")
    except PasswordRejected as refused:
        return refused.reason
    return None


@pytest.mark.parametrize("password", ["Staple-Battery-Horse-9", "correct horse battery", "Tr0ub4dor&3-staple",
                                      "afon melyn tawel 7"])
def test_long_unusual_passwords_are_accepted(password):
    assert reason(password) is None


@pytest.mark.parametrize("password,expected", [
    ("Elevenchars", "too_short"),
    ("x" * 1025, "too_long"),
    ("123456789012", "common"),            # listed as it is
    ("Welcome2025!!", "common"),           # a listed word with digits and symbols round it
    ("P@$$w0rd-2026", "common"),           # letters swapped for look-alikes
    ("Cymru-am-byth-99", "common"),        # spaces or dashes inside a listed phrase
    ("dragondragon1", "common"),           # a listed word said twice
    ("abababababab", "common"),            # too few different characters
    ("Llewelyn-Family-Tree", "personal"),  # the surname
    ("my g.llewelyn 2026", "personal"),    # the email's local part
])
def test_weak_passwords_are_refused_with_the_reason(password, expected):
    assert reason(password) == expected
