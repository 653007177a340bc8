"""Every string a person can read has a real Welsh translation."""
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parents[1] / "gateway"
TRANSLATIONS = PACKAGE / "translations"


def msgids(catalogue) -> set[str]:
    return {message.id for message in catalogue if message.id}


def extract(folder: Path) -> set[str]:
    output = folder / "extracted.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(TRANSLATIONS / "babel.cfg"),
                                "-k", "_l", "-o", str(output), str(PACKAGE)])
    with open(output, "rb") as extracted:
        return msgids(read_po(extracted))


def welsh():
    with open(TRANSLATIONS / "cy" / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale="cy")


def test_every_string_in_the_code_and_templates_is_in_the_welsh_catalogue(tmp_path):
    missing = extract(tmp_path) - msgids(welsh())
    assert not missing, f"not in cy/LC_MESSAGES/messages.po (run pybabel extract and update): {missing}"


def test_the_committed_template_matches_the_code(tmp_path):
    with open(TRANSLATIONS / "messages.pot", "rb") as pot:
        assert msgids(read_po(pot)) == extract(tmp_path)


def test_every_welsh_translation_is_filled_in_and_not_fuzzy():
    catalogue = welsh()
    empty = [m.id for m in catalogue if m.id and not m.string]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    same = [m.id for m in catalogue if m.id and m.string == m.id and any(c.isalpha() for c in m.id)]
    assert not empty and not fuzzy, (empty, fuzzy)
    assert not same, f"left in English: {same}"
