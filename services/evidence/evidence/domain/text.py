"""Text people send, made fit to keep and show: characters a database cannot store (NUL, a lone half of a
UTF-16 surrogate pair, which some file systems allow in names) and invisible controls are removed rather
than refused, since a person could neither see nor delete them. A lone surrogate becomes U+FFFD, so the name
still shows that a character was there."""
import re

LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # keeps tab, line feed, carriage return
# Overrides and isolates reorder what follows: "invoice\u202Efdp.exe" would show as "invoiceexe.pdf".
BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def readable_name(given: str) -> str:
    """A filename on one line, in the order its characters are stored."""
    return BIDI_CONTROL.sub("", CONTROL.sub("", LONE_SURROGATE.sub(REPLACEMENT, given)))


def readable_text(given: str) -> str:
    """Text as written, its lines and tabs kept."""
    return CONTROL_BUT_LINES.sub("", LONE_SURROGATE.sub(REPLACEMENT, given))
