"""`BUS_URL` picks RabbitMQ (`amqp://…`) or the single-host embedded transport (`filesystem://DIR`)."""
from pathlib import Path

from kombu import Connection

from .filesystem import Transport


def is_filesystem(url: str) -> bool:
    return url.startswith("filesystem://")


def connect(url: str, **kwargs) -> Connection:
    if is_filesystem(url):
        root = Path(url[len("filesystem://"):] or "var/bus")
        folders = {"data_folder_in": root / "messages", "data_folder_out": root / "messages",
                   "control_folder": root / "control"}
        for folder in folders.values():
            folder.mkdir(parents=True, exist_ok=True)
        options = {k: str(v) for k, v in folders.items()}
        options["polling_interval"] = 0.1
        return Connection("filesystem://", transport=Transport, transport_options=options, **kwargs)
    return Connection(url, transport_options={"confirm_publish": True},
                      heartbeat=kwargs.pop("heartbeat", 30), **kwargs)
