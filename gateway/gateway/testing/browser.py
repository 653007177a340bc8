"""A form-filling test client and the text a person reads on a page."""
import re
from html.parser import HTMLParser

from ..settings import SESSION_COOKIE
from .fake_identity import GOOD_CODE


class PageText(HTMLParser):
    """The text a person reads on a page, whitespace collapsed."""

    def __init__(self):
        super().__init__()
        self.parts, self._skipping = [], 0

    def handle_starttag(self, tag, attrs):
        self._skipping += tag in ("script", "style", "title")

    def handle_endtag(self, tag):
        self._skipping -= tag in ("script", "style", "title")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def text_of(response) -> str:
    parser = PageText()
    parser.feed(response.get_data(as_text=True))
    return " ".join(" ".join(parser.parts).split())


class Browser:
    """The Flask test client, sending each form with the CSRF token of the last page it read."""

    def __init__(self, client):
        self.client, self.csrf = client, None

    def get(self, path, **kwargs):
        return self._read(self.client.get(path, **kwargs))

    def post(self, path, data=None, **kwargs):
        if self.csrf is None:
            self.get("/sign-in", follow_redirects=True)
        form = {"csrf_token": self.csrf, **(data or {})}
        return self._read(self.client.post(path, data=form, **kwargs))

    def sign_in(self, email, password="correct horse battery", code=GOOD_CODE, next_path=None):
        self.get("/sign-in" + (f"?next={next_path}" if next_path else ""))
        self.post("/sign-in" + (f"?next={next_path}" if next_path else ""), {"email": email})
        self.post("/sign-in/password", {"password": password})
        return self.post("/sign-in/code", {"code": code})

    def cookie(self, name=SESSION_COOKIE):
        return self.client.get_cookie(name)

    def _read(self, response):
        found = re.search(r'name="csrf-token" content="([^"]+)"', response.get_data(as_text=True))
        if found:
            self.csrf = found.group(1)
        elif response.status_code in (301, 302, 303):
            self.csrf = None  # the step may have started a fresh session, with a fresh token
        return response
