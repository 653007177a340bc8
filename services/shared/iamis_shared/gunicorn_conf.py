"""gunicorn settings shared by every service: `gunicorn -c python:iamis_shared.gunicorn_conf …`."""
import os

from iamis_shared.metrics import child_exit  # noqa: F401  (gunicorn reads it as a hook)

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = 30
graceful_timeout = 10
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
# One control socket path is shared by every gunicorn of a user; a host runs several of ours.
control_socket_disable = True
