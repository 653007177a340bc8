"""Every service accepts only a valid, unexpired token signed by the gateway's key for its own audience."""
import importlib
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SERVICES = ("identity", "marks", "sampling", "evidence", "reports", "moderation")


@pytest.fixture(params=SERVICES)
def service(request, token_keys, tmp_path):
    module = importlib.import_module(request.param)
    app = module.create_app({"TESTING": True, "TOKEN_PUBLIC_KEY": token_keys[1],
                             "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"})
    return request.param, app.test_client()


def claims(audience: str, **overrides) -> dict:
    now = int(time.time())
    base = {"sub": "user-1", "kind": "user", "aud": audience, "iss": "iamis-gateway", "iat": now, "nbf": now,
            "exp": now + 60, "account_type": "user", "centres": ["68101"], "permissions": ["iamis"]}
    return {**base, **overrides}


def sign(private_pem: bytes, payload: dict) -> str:
    return jwt.encode(payload, serialization.load_pem_private_key(private_pem, None), algorithm="EdDSA")


def whoami(client, name: str, token: str | None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(f"/api/{name}/v1/whoami", headers=headers)


def test_a_valid_token_for_the_service_is_accepted(service, token_keys):
    name, client = service
    response = whoami(client, name, sign(token_keys[0], claims(name)))
    assert response.status_code == 200
    assert response.json["sub"] == "user-1" and response.json["centres"] == ["68101"]


def test_no_token_is_refused(service):
    name, client = service
    response = whoami(client, name, None)
    assert response.status_code == 401 and response.json["code"] == "TOKEN_MISSING"


def test_an_expired_token_is_refused(service, token_keys):
    name, client = service
    past = int(time.time()) - 600
    token = sign(token_keys[0], claims(name, iat=past, nbf=past, exp=past + 120))
    response = whoami(client, name, token)
    assert response.status_code == 401 and response.json["code"] == "TOKEN_INVALID"


def test_a_token_signed_by_another_key_is_refused(service):
    name, client = service
    forger = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    response = whoami(client, name, sign(forger, claims(name)))
    assert response.status_code == 401 and response.json["code"] == "TOKEN_INVALID"


def test_a_token_for_another_service_is_refused(service, token_keys):
    name, client = service
    other = next(s for s in SERVICES if s != name)
    response = whoami(client, name, sign(token_keys[0], claims(other)))
    assert response.status_code == 401 and response.json["code"] == "TOKEN_INVALID"


def test_an_unsigned_token_is_refused(service):
    name, client = service
    token = jwt.encode(claims(name), key=None, algorithm="none")
    response = whoami(client, name, token)
    assert response.status_code == 401 and response.json["code"] == "TOKEN_INVALID"
