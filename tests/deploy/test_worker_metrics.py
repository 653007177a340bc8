"""A worker container serves its own /metrics (the manifests scrape it): the agreed command with METRICS_BIND."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

PENDING_GAUGE = 'iamis_bus_outbox_pending{service="reports"}'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scrape_until(url: str, wanted: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body = response.read().decode()
            if wanted in body:
                return body
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not show {wanted} in time")
        time.sleep(0.2)


def test_the_worker_serves_bus_metrics_on_metrics_bind(tmp_path):
    port = free_port()
    (tmp_path / "metrics").mkdir()
    env = dict(os.environ, IAMIS_VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path / 'reports.db'}",
               BUS_URL=f"filesystem://{tmp_path / 'bus'}", PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "metrics"),
               METRICS_BIND=f"127.0.0.1:{port}")
    cli = [sys.executable, "-m", "iamis_shared.cli", "reports"]
    subprocess.run([*cli, "migrate"], env=env, check=True, capture_output=True, timeout=60)
    worker = subprocess.Popen([*cli, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        body = scrape_until(f"http://127.0.0.1:{port}/metrics", PENDING_GAUGE, time.monotonic() + 30)
        assert f"{PENDING_GAUGE} 0.0" in body
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    assert worker.returncode == 0, worker.stderr.read().decode()[-2000:]
