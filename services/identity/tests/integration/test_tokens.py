"""Every endpoint refuses a caller without a valid token for identity; sign-in is for the gateway only."""
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from iamis_shared.tokens import TokenIssuer

API = "/api/identity/v1"
GATEWAY_ONLY = [("post", "/sign-in/password", {"email": "a@b.example", "password": "x"}),
                ("post", "/sign-in/code", {"challenge": "c", "code": "123456"}),
                ("get", "/sessions/some-session", None),
                ("delete", "/sessions/some-session", None)]
ENDPOINTS = GATEWAY_ONLY + [("get", "/audit", None)]
OFFICER = {"account_type": "exams_officer", "centres": ["68101"], "permissions": ["iamis"]}


def call(client, endpoint, token=None):
    method, path, body = endpoint
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return getattr(client, method)(API + path, json=body, headers=headers)


def expired_token(private_pem):
    now = int(time.time())
    payload = {"sub": "gateway", "kind": "service", "aud": "identity", "iss": "iamis-gateway",
               "iat": now - 600, "nbf": now - 600, "exp": now - 300, "jti": uuid.uuid4().hex}
    return jwt.encode(payload, TokenIssuer(private_pem).key, algorithm="EdDSA")


@pytest.fixture
def bad_tokens(token_keys, issue_token):
    other_key = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return {
        "missing": None,
        "expired": expired_token(token_keys[0]),
        "another key": TokenIssuer(other_key).issue("identity", {"sub": "gateway", "kind": "service"}),
        "audience marks": issue_token("marks", sub="gateway", kind="service"),
        "not a jwt": "not-a-token",
    }


def test_every_endpoint_refuses_a_missing_or_invalid_token(client, bad_tokens):
    for name, token in bad_tokens.items():
        for endpoint in ENDPOINTS:
            response = call(client, endpoint, token)
            assert response.status_code == 401, (name, endpoint)
            assert response.json["code"] in {"TOKEN_MISSING", "TOKEN_INVALID"}


def test_a_user_token_may_not_use_the_gateway_only_endpoints(client, issue_token):
    user_token = issue_token("identity", **OFFICER)
    for endpoint in GATEWAY_ONLY:
        response = call(client, endpoint, user_token)
        assert (response.status_code, response.json["code"]) == (403, "FORBIDDEN"), endpoint


def test_the_gateway_token_may_not_read_a_centre_audit_log(client, issue_token):
    service_token = issue_token("identity", sub="gateway", kind="service")
    assert call(client, ENDPOINTS[-1], service_token).status_code == 403
