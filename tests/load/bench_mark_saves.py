"""Mark saves through the whole product path against a bare anchor behind the same nginx, with wrk.

    python tests/load/bench_mark_saves.py [--seconds 15] [--connections 32]

Product path: nginx → auth_request (the gateway's session check, cached a few seconds) → the marks service
(token, access, validation, audit, outbox) on PostgreSQL. Anchor: a bare Flask + SQLAlchemy endpoint under the
same gunicorn settings doing one UPDATE and one INSERT. Prints req/s, p99 and errors for both, the ratio, and how
long a withdrawn permission keeps working. Targets: ratio ≥ 0.8, p99 ≤ 60 ms, 0 errors, revocation ≤ 5 s.

The first product run saves the value already stored (the save still reads, checks and answers, but writes
nothing); the second changes a value on every request, as typing does (an outcome flipped between two grades,
each wrk thread owning its own candidates), and prints how many of its saves changed a value.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "e2e"))
sys.path.insert(0, str(HERE))

from anchor_app import prepare  # noqa: E402
from http_client import demo_code, signed_in_session  # noqa: E402
from stack_process import SERVICES, RunningStack, Stack  # noqa: E402

from iamis_shared.testing import RABBITMQ_URL, create_database, delete_namespace, drop_database  # noqa: E402

PORT, ANCHOR_PORT = 19000, 19200
UNIT_CODE, TEACHER, PASSWORD = "3653U1", "teacher@demo-centre.example", "Demo-Pass-2025"
CHANGED_UNIT_CODE, GRADES = "9611/L3", ("Pass", "Merit")  # 144 candidates: more than a thread's connections
THREADS = 2
LUA = """
local paths = {%(paths)s}
local bodies = {%(bodies)s}
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
%(headers)s
request = function()
  local i = math.random(#paths)
  return wrk.format(nil, paths[i], nil, bodies[i])
end
"""
# Each thread flips its own candidates in turn, so no two requests in flight save the same candidate: every
# request is a change (a reordering would at worst make one a no-op, never a conflict: previous is the other grade).
CHANGING_LUA = """
local paths = {%(paths)s}
local grades = {%(grades)s}
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
%(headers)s
threads = 0
function setup(thread)
  thread:set("part", threads)
  threads = threads + 1
end
local mine, shown, turn = {}, {}, 0
function init(args)
  for i = 1, #paths do
    if i %% %(threads)d == part then
      mine[#mine + 1] = paths[i]
      shown[#mine] = 1
    end
  end
end
request = function()
  turn = turn %% #mine + 1
  local stored, typed = grades[shown[turn]], grades[3 - shown[turn]]
  shown[turn] = 3 - shown[turn]
  local body = '{"field": "outcome", "value": "' .. typed .. '", "previous": "' .. stored .. '"}'
  return wrk.format(nil, mine[turn], nil, body)
end
"""


def run_wrk(url: str, script: Path, seconds: int, connections: int) -> dict:
    out = subprocess.run(["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
                          url], capture_output=True, text=True, check=True).stdout
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "p99_ms": float(p99.group(1)) * scale,
            "errors": int(errors.group(1)) if errors else 0,
            "socket_errors": sum(map(int, socket.groups())) if socket else 0}


def lua(paths, bodies, headers: dict) -> str:
    quote = json.dumps
    return LUA % {"paths": ", ".join(map(quote, paths)), "bodies": ", ".join(map(quote, bodies)),
                  "headers": "\n".join(f"wrk.headers[{quote(k)}] = {quote(v)}" for k, v in headers.items())}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk (make bench installs it)")
    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    databases = {name: create_database(f"iamis_bench_{name}") for name in (*SERVICES, "anchor")}
    anchor_db = databases.pop("anchor")
    workdir = Path(tempfile.mkdtemp(prefix="iamis-bench-"))
    stack = Stack(var_dir=workdir, port=PORT, database_urls=databases, bus_url=RABBITMQ_URL,
                  bus_namespace=namespace, s3=False, web_concurrency=2,
                  extra_env={"SESSION_COOKIE_SECURE": "0"},
                  nginx_http_extra=f"    upstream bench_anchor {{ server 127.0.0.1:{ANCHOR_PORT}; keepalive 16; }}\n",
                  nginx_server_extra="        location /anchor/ { proxy_pass http://bench_anchor; }\n")
    running = RunningStack(stack)
    anchor = None
    try:
        running.start()
        env = stack.env("marks")
        prepare(anchor_db, 29)
        anchor = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c",
                                   "python:iamis_shared.gunicorn_conf", "anchor_app:create_app()"], cwd=HERE,
                                  env=dict(env, ANCHOR_DATABASE_URL=anchor_db, BIND=f"127.0.0.1:{ANCHOR_PORT}"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        base = f"http://127.0.0.1:{PORT}"  # requests keeps no cookie for a bare "localhost"
        teacher = signed_in_session(base, TEACHER, PASSWORD, lambda e: demo_code(stack.env("identity"), e))
        units = teacher.get(f"{base}/api/marks/v1/centres/68101/units").json()
        unit = next(u for s in units["series"] for u in s["units"] if u["code"] == UNIT_CODE)
        api = f"/api/marks/v1/centres/68101/units/{unit['id']}"
        sheet = teacher.get(f"{base}{api}/marksheet?rows=all").json()
        task = f"task:{sheet['unit']['tasks'][0]['name']}"
        numbers = [row["candidate_number"] for row in sheet["rows"]]
        for number in numbers:
            teacher.patch(f"{base}{api}/candidates/{number}",
                          json={"field": task, "value": "60", "previous": ""}).raise_for_status()
        body = json.dumps({"field": task, "value": "60", "previous": "60"})
        headers = {"Cookie": "; ".join(f"{c.name}={c.value}" for c in teacher.cookies),
                   "X-CSRFToken": teacher.headers["X-CSRFToken"]}
        product_lua, anchor_lua = workdir / "product.lua", workdir / "anchor.lua"
        product_lua.write_text(lua([f"{api}/candidates/{n}" for n in numbers], [body] * len(numbers), headers))
        anchor_lua.write_text(lua([f"/anchor/marks/{n}" for n in range(1, 30)], ['{"value": 60}'] * 29, {}))
        changing_lua = workdir / "changing.lua"
        changing_lua.write_text(changing(teacher, base, headers))
        run_wrk(base, anchor_lua, 3, args.connections)  # warm both paths up
        run_wrk(base, product_lua, 3, args.connections)
        anchor_result = run_wrk(base, anchor_lua, args.seconds, args.connections)
        product_result = run_wrk(base, product_lua, args.seconds, args.connections)
        changes_before = mark_changes(stack)
        changing_result = run_wrk(base, changing_lua, args.seconds, args.connections)
        changed = mark_changes(stack) - changes_before
        print(f"anchor  (bare Flask+SQLAlchemy): {anchor_result}")
        print(f"product (nginx+auth+marks)     : {product_result}")
        print(f"ratio product/anchor           : {product_result['rps'] / anchor_result['rps']:.2f} (target >= 0.80)")
        print(f"product p99                    : {product_result['p99_ms']:.1f} ms (target <= 60 ms)")
        print(f"product, every save a change   : {changing_result}")
        print(f"  saves that changed a value   : {changed} (audited) for {changing_result['requests']} answers "
              "(wrk does not count the ones still in flight at the end)")
        print(f"  ratio product/anchor         : {changing_result['rps'] / anchor_result['rps']:.2f} (target >= 0.80)")
        print(f"  product p99                  : {changing_result['p99_ms']:.1f} ms (target <= 60 ms)")
        print(f"revocation                     : {revocation_seconds(stack, base):.1f} s (target <= 5 s)")
    finally:
        if anchor is not None:
            anchor.terminate()
            anchor.wait(10)
        running.stop()
        for url in (*databases.values(), anchor_db):
            drop_database(url)
        delete_namespace(RABBITMQ_URL, namespace)
        shutil.rmtree(workdir, ignore_errors=True)


def changing(teacher, base: str, headers: dict) -> str:
    """The wrk script of the second run, after giving every candidate of its marksheet the first grade."""
    units = teacher.get(f"{base}/api/marks/v1/centres/68101/units").json()
    unit = next(u for s in units["series"] for u in s["units"] if u["code"] == CHANGED_UNIT_CODE)
    api = f"/api/marks/v1/centres/68101/units/{unit['id']}"
    paths = []
    for row in teacher.get(f"{base}{api}/marksheet?rows=all").json()["rows"]:
        paths.append(f"{api}/candidates/{row['candidate_number']}")
        teacher.patch(f"{base}{paths[-1]}", json={"field": "outcome", "value": GRADES[0],
                                                  "previous": row["outcome"] or ""}).raise_for_status()
    quote = json.dumps
    return CHANGING_LUA % {"paths": ", ".join(map(quote, paths)), "grades": ", ".join(map(quote, GRADES)),
                           "threads": THREADS, "headers": "\n".join(f"wrk.headers[{quote(k)}] = {quote(v)}"
                                                                    for k, v in headers.items())}


def mark_changes(stack: Stack) -> int:
    """Saves that changed a value: each writes one audit entry."""
    from sqlalchemy import create_engine, text

    engine = create_engine(stack.database_urls["marks"])
    with engine.connect() as conn:
        count = conn.execute(text("SELECT COUNT(*) FROM audit_log WHERE action = 'mark_changed'")).scalar()
    engine.dispose()
    return count


def revocation_seconds(stack: Stack, base: str) -> float:
    """How long a user whose IAMIS permission is withdrawn can still read marks."""
    from sqlalchemy import create_engine, text

    email = "teacher@other-centre.example"
    session = signed_in_session(base, email, PASSWORD, lambda e: demo_code(stack.env("identity"), e))
    url = f"{base}/api/marks/v1/centres/68102/units"
    assert session.get(url).status_code == 200
    engine = create_engine(stack.database_urls["identity"])
    with engine.begin() as conn:
        conn.execute(text("UPDATE users SET permissions = '[]' WHERE email = :e"), {"e": email})
    engine.dispose()
    started = time.monotonic()
    while session.get(url).status_code == 200 and time.monotonic() - started < 30:
        time.sleep(0.1)
    return time.monotonic() - started


if __name__ == "__main__":
    main()
