"""Short-lived EdDSA-signed JWTs: the gateway issues one per request and audience; services verify.

Claims: sub (user id), name, email, account_type, centres, permissions, kind ("user" or "service").
"""
import time
import uuid
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import current_app, g, request

from .errors import error_response

ALGORITHM = "EdDSA"
DEFAULT_TTL_SECONDS = 120


@dataclass(frozen=True)
class Principal:
    sub: str
    kind: str = "user"
    name: str = ""
    email: str = ""
    account_type: str = ""
    centres: tuple[str, ...] = ()
    permissions: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_claims(cls, claims: dict) -> "Principal":
        return cls(sub=claims["sub"], kind=claims.get("kind", "user"), name=claims.get("name", ""),
                   email=claims.get("email", ""), account_type=claims.get("account_type", ""),
                   centres=tuple(claims.get("centres", ())),
                   permissions=tuple(claims.get("permissions", ())))


def generate_keypair(private_path: Path, public_path: Path) -> None:
    """Create the signing key pair once (the embedded run and the tests); production mounts its own."""
    if private_path.exists() and public_path.exists():
        return
    private_path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    private_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    private_path.chmod(0o600)
    public_path.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))


class TokenIssuer:
    def __init__(self, private_key_pem: bytes, issuer: str = "iamis-gateway", ttl: int = DEFAULT_TTL_SECONDS):
        self.key = serialization.load_pem_private_key(private_key_pem, password=None)
        self.issuer, self.ttl = issuer, ttl

    def issue(self, audience: str, claims: dict, ttl: int | None = None) -> str:
        now = int(time.time())
        payload = dict(claims, aud=audience, iss=self.issuer, iat=now, nbf=now,
                       exp=now + (ttl or self.ttl), jti=uuid.uuid4().hex)
        return jwt.encode(payload, self.key, algorithm=ALGORITHM)


class TokenVerifier:
    """Verifies a token's signature once per process; the same token (the edge re-sends it for a few
    seconds) is then known until it expires, which halves the cost of a small request."""

    CACHE_SIZE = 4096

    def __init__(self, public_key_pem: bytes, audience: str, issuer: str = "iamis-gateway"):
        self.key = serialization.load_pem_public_key(public_key_pem)
        self.audience, self.issuer = audience, issuer
        self._verified: dict[str, tuple[float, Principal]] = {}

    def verify(self, token: str) -> Principal:
        known = self._verified.get(token)
        if known is not None and time.time() < known[0]:
            return known[1]
        claims = jwt.decode(token, self.key, algorithms=[ALGORITHM], audience=self.audience,
                            issuer=self.issuer, options={"require": ["exp", "iat", "aud", "iss", "sub"]},
                            leeway=5)
        principal = Principal.from_claims(claims)
        if len(self._verified) >= self.CACHE_SIZE:
            self._verified.clear()
        self._verified[token] = (float(claims["exp"]), principal)
        return principal


def requires_token(permission: str | None = None, account_types: tuple[str, ...] | None = None,
                   kinds: tuple[str, ...] = ("user",)):
    """Refuse with 401 anything but a valid token for this service; 403 without the right grant."""
    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            header = request.headers.get("Authorization", "")
            if not header.startswith("Bearer "):
                return error_response(401, "TOKEN_MISSING", "Sign in to use this service.")
            try:
                principal = current_app.extensions["iamis_token_verifier"].verify(header[7:])
            except jwt.PyJWTError:
                return error_response(401, "TOKEN_INVALID",
                                      "Your sign-in has expired or is not valid. Sign in again.")
            if principal.kind not in kinds:
                return error_response(403, "FORBIDDEN", "This caller may not use this operation.")
            if account_types and principal.account_type not in account_types:
                return error_response(403, "FORBIDDEN", "Your account type does not allow this.")
            if permission and permission not in principal.permissions:
                return error_response(403, "PERMISSION_MISSING",
                                      "Your account does not have the permission this needs.")
            g.principal = principal
            return view(*args, **kwargs)
        return wrapper
    return decorate
