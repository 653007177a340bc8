"""Settings come from the environment, with safe defaults; what must be secret must exist."""
import pytest

from gateway import create_app
from gateway.settings import gateway_settings


@pytest.fixture
def clean_environment(monkeypatch, tmp_path):
    for name in ("SECRET_KEY", "IDENTITY_URL", "AUTH_CACHE_SECONDS", "SESSION_IDLE_MINUTES",
                 "TOKEN_PRIVATE_KEY_FILE", "SESSION_COOKIE_SECURE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GATEWAY_SECRET_KEY_FILE", str(tmp_path / "gateway_secret"))
    return tmp_path


def test_defaults_for_the_embedded_run(clean_environment):
    settings = gateway_settings()
    assert settings["IDENTITY_URL"] == "http://127.0.0.1:8101"
    assert settings["AUTH_CACHE_SECONDS"] == 3
    assert settings["SESSION_COOKIE_NAME"] == "iamis_session" and settings["SESSION_COOKIE_SECURE"]
    assert settings["TOKEN_PRIVATE_KEY_FILE"].endswith("keys/token_private.pem")


def test_the_secret_key_is_read_from_the_file_make_run_writes(clean_environment, token_keys):
    (clean_environment / "gateway_secret").write_text("from-the-file\n")
    app = create_app({"TOKEN_PRIVATE_KEY": token_keys[0]})
    assert app.secret_key == "from-the-file"


def test_without_a_secret_key_the_gateway_refuses_to_start(clean_environment, token_keys):
    with pytest.raises(RuntimeError, match="GATEWAY_SECRET_KEY_FILE"):
        create_app({"TOKEN_PRIVATE_KEY": token_keys[0]})


def test_without_the_signing_key_the_gateway_says_which_file_is_missing(clean_environment):
    missing = clean_environment / "no_such_key.pem"
    with pytest.raises(RuntimeError, match="no_such_key.pem"):
        create_app({"SECRET_KEY": "s", "TOKEN_PRIVATE_KEY_FILE": str(missing)})
