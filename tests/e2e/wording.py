"""The pages' own wording in either language, from the gateway's compiled catalogues, for browser tests."""
from pathlib import Path

from babel.support import NullTranslations, Translations

CATALOGUES = Path(__file__).resolve().parents[2] / "gateway" / "gateway" / "translations"


class Wording:
    def __init__(self, lang: str):
        self.lang = lang
        self.translations = Translations.load(str(CATALOGUES), [lang]) if lang != "en" else NullTranslations()

    def __call__(self, msgid: str, **values) -> str:
        return self.translations.gettext(msgid) % values if values else self.translations.gettext(msgid)

    def plural(self, singular: str, plural: str, num: int) -> str:
        return self.translations.ngettext(singular, plural, num) % {"num": num}

    @property
    def language_button(self) -> str:
        return "Cymraeg" if self.lang == "cy" else "English"
