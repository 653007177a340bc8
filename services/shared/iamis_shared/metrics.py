"""Prometheus /metrics, safe under gunicorn's several worker processes."""
import os

from flask import Flask, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import multiprocess

REQUESTS = Counter("iamis_http_requests_total", "HTTP requests", ["service", "method", "status"])
LATENCY = Histogram("iamis_http_request_seconds", "HTTP request duration", ["service"])


def registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        collected = CollectorRegistry()
        multiprocess.MultiProcessCollector(collected)
        return collected
    from prometheus_client import REGISTRY
    return REGISTRY


def install_metrics(app: Flask, service: str) -> None:
    import time

    from flask import g, request

    @app.before_request
    def _start_timer():
        g._started = time.perf_counter()

    @app.after_request
    def _count(response):
        if request.path != "/metrics":
            REQUESTS.labels(service, request.method, str(response.status_code)).inc()
            LATENCY.labels(service).observe(time.perf_counter() - g.get("_started", time.perf_counter()))
        return response

    @app.get("/metrics")
    def metrics():
        return Response(generate_latest(registry()), mimetype=CONTENT_TYPE_LATEST)


def child_exit(_server, worker) -> None:
    """gunicorn hook: drop the dead worker's live gauges."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
