import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import Flask, g, jsonify

from iamis_shared.tokens import TokenIssuer, TokenVerifier, requires_token

PERMISSION = "marks.enter"


@pytest.fixture
def client(token_keys):
    app = Flask(__name__)
    app.extensions["iamis_token_verifier"] = TokenVerifier(token_keys[1], audience="marks")

    @app.get("/marks")
    @requires_token(permission=PERMISSION)
    def marks():
        return jsonify(sub=g.principal.sub, permissions=list(g.principal.permissions))

    @app.get("/centre-only")
    @requires_token(account_types=("centre",))
    def centre_only():
        return jsonify(ok=True)

    return app.test_client()


def get(client, token, path="/marks"):
    response = client.get(path, headers={"Authorization": f"Bearer {token}"} if token else {})
    return response.status_code, response.get_json()


def another_private_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def test_a_valid_token_with_the_permission_reaches_the_view(client, issue_token):
    status, body = get(client, issue_token("marks", sub="teacher-1", permissions=[PERMISSION]))

    assert status == 200 and body == {"sub": "teacher-1", "permissions": [PERMISSION]}


def test_no_token_is_401_asking_to_sign_in(client):
    status, body = get(client, None)

    assert status == 401 and body["code"] == "TOKEN_MISSING" and "Sign in" in body["message"]


def test_a_non_bearer_header_is_401(client):
    response = client.get("/marks", headers={"Authorization": "Basic dXNlcjpwYXNz"})

    assert response.status_code == 401 and response.get_json()["code"] == "TOKEN_MISSING"


@pytest.mark.parametrize("make_token", [
    pytest.param(lambda keys: TokenIssuer(keys[0]).issue("marks", {"sub": "u", "permissions": [PERMISSION]},
                                                           ttl=-60), id="expired"),
    pytest.param(lambda keys: TokenIssuer(another_private_key()).issue("marks", {"sub": "u"}), id="forged"),
    pytest.param(lambda keys: TokenIssuer(keys[0]).issue("reports", {"sub": "u"}), id="wrong-audience"),
    pytest.param(lambda keys: TokenIssuer(keys[0], issuer="someone-else").issue("marks", {"sub": "u"}),
                 id="wrong-issuer"),
    pytest.param(lambda keys: TokenIssuer(keys[0]).issue("marks", {"name": "no subject"}), id="no-subject"),
    pytest.param(lambda keys: "not.a.token", id="garbage"),
])
def test_a_token_that_is_not_valid_for_this_service_is_401(client, token_keys, make_token):
    status, body = get(client, make_token(token_keys))

    assert status == 401 and body["code"] == "TOKEN_INVALID" and "Sign in again" in body["message"]


def test_a_tampered_token_is_401(client, issue_token):
    header, payload, signature = issue_token("marks", permissions=[PERMISSION]).split(".")
    tampered = ".".join([header, payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB"), signature])

    assert get(client, tampered)[0] == 401


def test_a_missing_permission_is_403(client, issue_token):
    status, body = get(client, issue_token("marks", permissions=["marks.view"]))

    assert status == 403 and body["code"] == "PERMISSION_MISSING"


def test_a_service_token_on_a_user_operation_is_403(client, issue_token):
    status, body = get(client, issue_token("marks", kind="service", permissions=[PERMISSION]))

    assert status == 403 and body["code"] == "FORBIDDEN"


def test_the_wrong_account_type_is_403(client, issue_token):
    assert get(client, issue_token("marks", account_type="moderator"), "/centre-only")[0] == 403
    assert get(client, issue_token("marks", account_type="centre"), "/centre-only")[0] == 200
