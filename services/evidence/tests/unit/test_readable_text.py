"""What names and notes keep of the text sent: everything readable, nothing a database or a screen misuses."""
import pytest

from evidence.domain.files import note_text
from evidence.domain.text import readable_name, readable_text


@pytest.mark.parametrize("given,kept", [
    ("Côté – traethawd.odt", "Côté – traethawd.odt"),
    ("tab\there.txt", "tabhere.txt"),
    ("lone\udc00half.pdf", "lone\ufffdhalf.pdf"),
    ("\u202bright\u202d\u202e\u2067\u2068.doc", "right.doc"),
    ("emoji 😀.png", "emoji 😀.png"),
])
def test_a_name_keeps_what_can_be_read_in_the_order_stored(given, kept):
    assert readable_name(given) == kept


def test_a_note_keeps_lines_tabs_and_direction_marks_but_no_other_controls():
    assert readable_text("a\r\nb\tc\u202ed\x00\x1b[31m\x9b") == "a\r\nb\tc\u202ed[31m"


def test_a_note_of_invisible_characters_only_is_no_note():
    assert note_text("\x00\x01 \x7f") == ""
