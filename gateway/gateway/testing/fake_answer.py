"""What requests.Session.request returns, as far as the gateway reads it: for the fake services."""
import json


class FakeAnswer:
    def __init__(self, status: int, body=None, text: str | None = None, headers: dict | None = None):
        self.status_code, self._body, self.headers, self.closed = status, body, headers or {}, False
        self.content = text.encode() if text is not None else b"" if body is None else json.dumps(body).encode()

    def json(self):
        if self._body is None:
            raise ValueError("not JSON")
        return self._body

    def iter_content(self, size):
        for start in range(0, len(self.content), size):
            yield self.content[start:start + size]

    def close(self):
        self.closed = True
