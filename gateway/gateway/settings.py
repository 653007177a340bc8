"""The gateway's settings, only from the environment, with defaults safe for the embedded run."""
from datetime import timedelta
from pathlib import Path

from iamis_shared.config import VAR_DIR, env, env_bool, env_int

SESSION_COOKIE = "iamis_session"


def gateway_settings() -> dict:
    idle_minutes = env_int("SESSION_IDLE_MINUTES", 30)
    return {
        "SERVICE_NAME": "gateway",
        "SECRET_KEY": env("SECRET_KEY") or _read_secret_file(),
        "TOKEN_PRIVATE_KEY_FILE": env("TOKEN_PRIVATE_KEY_FILE", str(VAR_DIR / "keys" / "token_private.pem")),
        "TOKEN_ISSUER": env("TOKEN_ISSUER", "iamis-gateway"),
        "IDENTITY_URL": env("IDENTITY_URL", "http://127.0.0.1:8101"),
        "IDENTITY_TIMEOUT_SECONDS": env_int("IDENTITY_TIMEOUT_SECONDS", 5),
        "MARKS_URL": env("MARKS_URL", "http://127.0.0.1:8102"),
        "MARKS_TIMEOUT_SECONDS": env_int("MARKS_TIMEOUT_SECONDS", 10),
        "SAMPLING_URL": env("SAMPLING_URL", "http://127.0.0.1:8103"),
        "SAMPLING_TIMEOUT_SECONDS": env_int("SAMPLING_TIMEOUT_SECONDS", 5),
        "EVIDENCE_URL": env("EVIDENCE_URL", "http://127.0.0.1:8104"),
        "EVIDENCE_TIMEOUT_SECONDS": env_int("EVIDENCE_TIMEOUT_SECONDS", 5),
        "MODERATION_URL": env("MODERATION_URL", "http://127.0.0.1:8106"),
        "MODERATION_TIMEOUT_SECONDS": env_int("MODERATION_TIMEOUT_SECONDS", 5),
        "AUTH_CACHE_SECONDS": env_int("AUTH_CACHE_SECONDS", 3),
        "DISPLAY_TIMEZONE": env("DISPLAY_TIMEZONE", "Europe/London"),
        # The cookie lives as long as an idle session may; identity ends the session itself too.
        "SESSION_IDLE_MINUTES": idle_minutes,
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=idle_minutes),
        "SESSION_COOKIE_NAME": SESSION_COOKIE,
        "SESSION_COOKIE_SECURE": env_bool("SESSION_COOKIE_SECURE", True),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_REFRESH_EACH_REQUEST": True,
        # A page may stay open for a whole session (autosaving marks), so the token lives as long as it.
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": "translations",
    }


def _read_secret_file() -> str | None:
    path = Path(env("GATEWAY_SECRET_KEY_FILE", str(VAR_DIR / "keys" / "gateway_secret")))
    if path.is_file():
        return path.read_text().strip() or None
    return None


def token_private_key(config: dict) -> bytes:
    """The signing key, given directly (tests) or read from its file; says what is missing if absent."""
    if config.get("TOKEN_PRIVATE_KEY"):
        return config["TOKEN_PRIVATE_KEY"]
    path = Path(config["TOKEN_PRIVATE_KEY_FILE"])
    if not path.is_file():
        raise RuntimeError(f"The token signing key {path} does not exist: set TOKEN_PRIVATE_KEY_FILE "
                           "or create the key pair first.")
    return path.read_bytes()
