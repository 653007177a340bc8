"""Where the evidence service keeps file bytes (an S3-compatible store) and how long an unfinished upload
is kept, from the environment."""
from datetime import timedelta

from iamis_shared.config import env, env_bool

from .adapters.object_store import ObjectStore
from .domain.uploads import UPLOAD_EXPIRY_DAYS


def storage_settings() -> dict:
    return {
        "S3_ENDPOINT": env("S3_ENDPOINT"),  # host:port the service itself calls
        "S3_ACCESS_KEY": env("S3_ACCESS_KEY"),
        "S3_SECRET_KEY": env("S3_SECRET_KEY"),
        "S3_BUCKET": env("S3_BUCKET", "iamis-evidence"),
        # Set, so that presigning for the browser's host needs no call to the store to learn it.
        "S3_REGION": env("S3_REGION", "us-east-1"),
        "S3_SECURE": env_bool("S3_SECURE", False),
        # The address people open IAMIS at: when set, URLs are presigned only for its host.
        "PUBLIC_URL": env("PUBLIC_URL", ""),
    }


def object_store(settings: dict) -> ObjectStore | None:
    """None when no store is configured: listing still works, anything touching bytes answers 503."""
    if not settings.get("S3_ENDPOINT"):
        return None
    return ObjectStore(settings["S3_ENDPOINT"], settings["S3_ACCESS_KEY"], settings["S3_SECRET_KEY"],
                       settings["S3_BUCKET"], settings["S3_REGION"], settings["S3_SECURE"])


def upload_expiry() -> timedelta:
    """UPLOAD_EXPIRY_DAYS (default 7): how long an upload may stay unfinished before it is abandoned."""
    given = env("UPLOAD_EXPIRY_DAYS", str(UPLOAD_EXPIRY_DAYS)).strip()
    if not given.isdigit() or int(given) < 1:
        raise ValueError(f"UPLOAD_EXPIRY_DAYS must be a whole number of days, at least 1 (it is {given!r}).")
    return timedelta(days=int(given))
