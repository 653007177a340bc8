"""Passwords are kept only as argon2id hashes (memory-hard), upgraded when the parameters change."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Passwords:
    def __init__(self, hasher: PasswordHasher | None = None):
        self.hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        if not password_hash:
            # No password set yet: spend the same time as a real check, then refuse.
            self.spend_time(password)
            return False
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        return self.hasher.check_needs_rehash(password_hash)

    def spend_time(self, password: str) -> None:
        """Check against a dummy hash, so an unknown email takes as long as a wrong password."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash("not-a-real-password")
        try:
            self.hasher.verify(self._dummy_hash, password)
        except VerificationError:
            pass
