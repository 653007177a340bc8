"""The edge's /s3/ route to object storage, through the real nginx entrypoint: only the evidence bucket, only
GET, HEAD and PUT of at most 32 MiB, no copy inside the store, and access logs without the presigned query."""
import http.client
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .test_edge import DEPLOY, ENTRYPOINT, UPSTREAMS, free_port, get

SIGNATURE = "X-Amz-Signature=0123456789abcdef"
MIB = 1024 * 1024


class FakeStore(http.server.BaseHTTPRequestHandler):
    """Answers every request with 200 and keeps what reached it (method, path with query, Host)."""
    seen: list = []

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        FakeStore.seen.append((self.command, self.path, self.headers.get("Host")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = answer

    def log_message(self, *_):
        pass


@pytest.fixture
def edge(tmp_path):
    """nginx on a free port with the fake store as its S3 upstream; yields (port, stop() -> stdout)."""
    store = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeStore)
    FakeStore.seen = []
    threading.Thread(target=store.serve_forever, daemon=True).start()
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    assert nginx, "nginx is not installed (deploy/local/ensure-system.sh installs it)"
    port = free_port()
    values = [f"LISTEN=127.0.0.1:{port}", f"S3=127.0.0.1:{store.server_address[1]}"]
    values += [f"{name}=127.0.0.1:{free_port()}" for name in UPSTREAMS if name != "S3"]
    env = dict(os.environ, NGINX_PREFIX=str(tmp_path / "nginx"), NGINX_TEMPLATE_DIR=str(DEPLOY / "nginx"),
               PATH=f"{Path(nginx).parent}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}"
                    f"{os.environ.get('PATH', '')}")
    process = subprocess.Popen(["sh", str(ENTRYPOINT), *values], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)

    def stop() -> str:
        process.terminate()
        out, _ = process.communicate(timeout=15)
        return out

    try:
        get(f"http://127.0.0.1:{port}/s3/iamis-evidence/ready", deadline=time.monotonic() + 15)
        yield port, stop
    finally:
        if process.poll() is None:
            stop()
        store.shutdown()


def send(port: int, method: str, path: str, headers: dict | None = None, body: bytes = b"") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers={"Host": "iamis.example.org", **(headers or {})})
        return connection.getresponse().status
    finally:
        connection.close()


def test_the_evidence_bucket_is_reached_for_get_head_and_put_with_the_host_and_query_unchanged(edge):
    port, _ = edge
    key = f"/s3/iamis-evidence/evidence/68101/3/k?partNumber=1&uploadId=u&{SIGNATURE}"
    assert [send(port, method, key, body=b"part" if method == "PUT" else b"") for method in
            ("GET", "HEAD", "PUT")] == [200, 200, 200]
    assert FakeStore.seen[-3:] == [(m, key.removeprefix("/s3"), "iamis.example.org") for m in ("GET", "HEAD", "PUT")]


def test_other_methods_other_buckets_copies_and_bodies_over_32_mib_are_refused_before_the_store(edge):
    port, _ = edge
    before = len(FakeStore.seen)
    key = "/s3/iamis-evidence/evidence/68101/3/k"
    assert [send(port, method, key) for method in ("POST", "DELETE", "PATCH", "OPTIONS")] == [405] * 4
    assert send(port, "GET", "/s3/another-bucket/evidence/68101/3/k") == 404
    assert send(port, "GET", "/s3/iamis-evidence/../another-bucket/k") == 404
    assert send(port, "PUT", key, headers={"x-amz-copy-source": "/other/key"}) == 403
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("PUT", key)
    connection.putheader("Content-Length", str(32 * MIB + 1))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()
    assert send(port, "PUT", key, body=b"x" * (16 * MIB)) == 200  # a whole part passes
    assert [s[0] for s in FakeStore.seen[before:]] == ["PUT"]


def test_the_access_log_keeps_the_path_of_a_presigned_url_but_never_its_signature(edge):
    port, stop = edge
    assert send(port, "GET", f"/s3/iamis-evidence/evidence/68101/3/k?{SIGNATURE}") == 200
    assert send(port, "DELETE", f"/s3/iamis-evidence/evidence/68101/3/k?{SIGNATURE}") == 405
    log = stop()
    assert "GET /s3/iamis-evidence/evidence/68101/3/k HTTP/1.1" in log
    assert "DELETE /s3/iamis-evidence/evidence/68101/3/k HTTP/1.1" in log
    assert "X-Amz-Signature" not in log
