"""Claims per identity session id, kept a few seconds so a page and its API calls ask identity once."""
import threading
import time


class SessionCache:
    def __init__(self, seconds: float, clock=time.monotonic, max_entries: int = 10_000):
        self.seconds, self.clock, self.max_entries = seconds, clock, max_entries
        self._entries: dict[str, tuple[float, dict]] = {}
        self._lock = threading.Lock()

    def get(self, session_id: str) -> dict | None:
        with self._lock:
            entry = self._entries.get(session_id)
            if entry is None:
                return None
            if entry[0] <= self.clock():
                del self._entries[session_id]
                return None
            return entry[1]

    def put(self, session_id: str, claims: dict) -> None:
        if self.seconds <= 0:
            return
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._drop_expired()
            if len(self._entries) < self.max_entries:
                self._entries[session_id] = (self.clock() + self.seconds, claims)

    def forget(self, session_id: str) -> None:
        with self._lock:
            self._entries.pop(session_id, None)

    def _drop_expired(self) -> None:
        now = self.clock()
        for key in [k for k, (expires, _) in self._entries.items() if expires <= now]:
            del self._entries[key]
