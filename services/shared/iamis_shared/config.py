"""Configuration comes only from the environment, with defaults safe for the embedded run."""
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("IAMIS_VAR_DIR", REPO_ROOT / "var"))


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def service_settings(service: str) -> dict:
    """The settings every service reads, keyed as Flask config."""
    return {
        "SERVICE_NAME": service,
        "DATABASE_URL": env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'data' / (service + '.db')}"),
        "BUS_URL": env("BUS_URL", f"filesystem://{VAR_DIR / 'bus'}"),
        "BUS_NAMESPACE": env("BUS_NAMESPACE", "iamis"),
        "TOKEN_PUBLIC_KEY_FILE": env("TOKEN_PUBLIC_KEY_FILE", str(VAR_DIR / "keys" / "token_public.pem")),
        "TOKEN_ISSUER": env("TOKEN_ISSUER", "iamis-gateway"),
        "DEMO_MODE": env_bool("IAMIS_DEMO", False),
    }
