"""The edge container's entrypoint: render the template with the manifests' values and run nginx on it."""
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
ENTRYPOINT = DEPLOY / "nginx-entrypoint.sh"
UPSTREAMS = ("GATEWAY", "IDENTITY", "MARKS", "SAMPLING", "EVIDENCE", "REPORTS", "MODERATION", "S3")


def nginx_render():
    import importlib.util

    spec = importlib.util.spec_from_file_location("iamis_nginx_render", DEPLOY / "nginx" / "render.py")
    render = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render)
    return render


def template_placeholders() -> set[str]:
    return nginx_render().placeholders((DEPLOY / "nginx" / "iamis.conf.template").read_text())


def keys(arguments: list[str]) -> set[str]:
    return {argument.split("=", 1)[0] for argument in arguments}


def test_compose_and_kubernetes_give_nginx_every_template_value(compose, k8s_by_kind):
    optional = set(nginx_render().DEFAULTS)
    wanted = template_placeholders() - {"PREFIX"} - optional  # the entrypoint adds PREFIX itself
    [container] = k8s_by_kind["Deployment"]["nginx"]["spec"]["template"]["spec"]["containers"]
    for given in (keys(compose["services"]["nginx"]["command"]), keys(container["args"])):
        assert wanted <= given <= wanted | optional


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FakeGateway(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"status": "ok"}' if self.path == "/healthz" else b"not here"
        self.send_response(200 if self.path == "/healthz" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


@pytest.fixture
def gateway():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeGateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(timeout=5)


def get(url: str, deadline: float):
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, response.read()
        except urllib.error.HTTPError:
            raise
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_the_entrypoint_serves_the_gateway_through_nginx_and_logs_to_standard_output(tmp_path, gateway):
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    assert nginx, "nginx is not installed (deploy/local/ensure-system.sh installs it)"
    port = free_port()
    values = [f"LISTEN=127.0.0.1:{port}", f"GATEWAY={gateway}"]
    values += [f"{name}=127.0.0.1:{free_port()}" for name in UPSTREAMS if name != "GATEWAY"]
    env = dict(os.environ, NGINX_PREFIX=str(tmp_path / "nginx"), NGINX_TEMPLATE_DIR=str(DEPLOY / "nginx"),
               PATH=f"{Path(nginx).parent}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}"
                    f"{os.environ.get('PATH', '')}")
    process = subprocess.Popen(["sh", str(ENTRYPOINT), *values], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        status, body = get(f"http://127.0.0.1:{port}/healthz", deadline=time.monotonic() + 15)
        assert (status, body) == (200, b'{"status": "ok"}')
        # Only the upload page's hashing worker may compile WebAssembly; every response keeps the other headers.
        page = policy_headers(f"http://127.0.0.1:{port}/healthz")
        worker = policy_headers(f"http://127.0.0.1:{port}/static/evidence_hash_worker.js")
        assert "'wasm-unsafe-eval'" in worker["content-security-policy"]
        assert "wasm" not in page["content-security-policy"] and "unsafe" not in page["content-security-policy"]
        for headers in (page, worker):
            assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")
    finally:
        process.terminate()
        out, err = process.communicate(timeout=15)
    assert "GET /healthz" in out, f"no access log line on standard output; stderr: {err}"
    assert (tmp_path / "nginx" / "nginx.conf").is_file()


def policy_headers(url: str) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as answer:  # the fake gateway has no such file: the edge's headers still come
        return {k.lower(): v for k, v in answer.headers.items()}


def test_the_entrypoint_without_values_says_how_to_call_it(tmp_path):
    result = subprocess.run(["sh", str(ENTRYPOINT)], env=dict(os.environ, NGINX_PREFIX=str(tmp_path)),
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "usage: iamis-nginx LISTEN=" in result.stderr
