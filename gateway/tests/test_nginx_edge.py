"""nginx running the rendered template: routing, the session check, the token, the stripped cookie."""
import http.server
import json
import subprocess
import threading
import time

import pytest
import requests

NGINX = "/usr/sbin/nginx"


class Stub(http.server.BaseHTTPRequestHandler):
    """An upstream that answers with `server.answer(handler)` and keeps what it was sent."""
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append((self.command, self.path, dict(self.headers)))
        status, headers, body = self.server.answer(self)
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def gateway_answer(request):
    if request.path != "/_auth":
        page_headers = {"Content-Type": "text/html", "Content-Security-Policy": "default-src 'none'"}
        return 200, page_headers, b"<p>page</p>"
    if "iamis_session=good" not in request.headers.get("Cookie", ""):
        return 401, {}, b""
    unsafe = request.headers["X-Original-Method"] in ("POST", "PUT", "PATCH", "DELETE")
    if unsafe and request.headers.get("X-CSRFToken") != "csrf-ok":
        return 403, {}, b""
    audience = request.headers["X-Original-URI"].split("/")[2]
    return 204, {"X-Iamis-Token": f"token-for-{audience}"}, b""


def service_answer(request):
    return 200, {"Content-Type": "application/json"}, json.dumps({"path": request.path}).encode()


def start_stub(answer):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.answer, server.seen = answer, []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def edge(tmp_path_factory, render_nginx, nginx_values):
    """nginx on the rendered template, with a stub gateway and a stub marks service behind it."""
    prefix = tmp_path_factory.mktemp("nginx")
    gateway, marks = start_stub(gateway_answer), start_stub(service_answer)
    values = nginx_values(prefix, GATEWAY=f"127.0.0.1:{gateway.server_port}",
                          MARKS=f"127.0.0.1:{marks.server_port}")
    conf = prefix / "nginx.conf"
    conf.write_text(render_nginx(values))
    process = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(prefix), "-g", render_nginx.foreground_directives()],
                               stderr=subprocess.DEVNULL)
    base = f"http://{values['LISTEN']}"
    deadline = time.monotonic() + 10
    while True:
        try:
            requests.get(base + "/", timeout=1)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("nginx did not start: " + (prefix / "error.log").read_text())
            time.sleep(0.05)
    yield base, gateway, marks
    process.terminate()
    process.wait(timeout=10)
    gateway.shutdown()
    marks.shutdown()


def test_api_call_without_a_session_is_a_json_401_and_never_reaches_the_service(edge):
    base, _, marks = edge
    before = len(marks.seen)
    response = requests.get(base + "/api/marks/v1/units")
    assert response.status_code == 401 and response.json()["code"] == "SIGN_IN_REQUIRED"
    assert len(marks.seen) == before


def test_service_gets_a_bearer_token_for_itself_and_no_cookie(edge):
    base, _, marks = edge
    response = requests.get(base + "/api/marks/v1/units?series=1",
                            headers={"Cookie": "iamis_session=good"})
    assert response.status_code == 200 and response.json() == {"path": "/api/marks/v1/units?series=1"}
    _, _, headers = marks.seen[-1]
    assert headers["Authorization"] == "Bearer token-for-marks"
    assert "Cookie" not in headers


def test_changes_need_the_csrf_header(edge):
    base, _, _ = edge
    refused = requests.post(base + "/api/marks/v1/marks", json={}, headers={"Cookie": "iamis_session=good"})
    assert refused.status_code == 403 and refused.json()["code"] == "CSRF_TOKEN_INVALID"
    allowed = requests.post(base + "/api/marks/v1/marks", json={},
                            headers={"Cookie": "iamis_session=good", "X-CSRFToken": "csrf-ok"})
    assert allowed.status_code == 200


@pytest.mark.parametrize("path", ["/_auth", "/api/marks/healthz", "/api/marks/metrics", "/metrics",
                                  "/api/payroll/v1/x"])
def test_internal_paths_are_not_exposed(edge, path):
    assert requests.get(edge[0] + path, headers={"Cookie": "iamis_session=good"}).status_code == 404


def test_a_service_that_is_down_gives_a_json_503(edge):
    response = requests.get(edge[0] + "/api/sampling/v1/samples", headers={"Cookie": "iamis_session=good"})
    assert response.status_code == 503 and response.json()["code"] == "UNAVAILABLE"


def test_pages_go_to_the_gateway_with_one_copy_of_each_security_header(edge):
    base, gateway, _ = edge
    response = requests.get(base + "/menu")
    assert response.text == "<p>page</p>" and gateway.seen[-1][1] == "/menu"
    policy = response.raw.headers.getlist("Content-Security-Policy")
    assert len(policy) == 1 and "frame-ancestors 'none'" in policy[0]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
