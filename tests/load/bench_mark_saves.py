"""Mark saves through the whole product path against a bare anchor behind the same nginx, with wrk.

    python tests/load/bench_mark_saves.py [--seconds 15] [--connections 32]

Product path: nginx → auth_request (the gateway's session check, cached a few seconds) → the marks service
(token, access, validation, audit, outbox) on PostgreSQL. Anchor: a bare Flask + SQLAlchemy endpoint under the
same gunicorn settings doing one UPDATE and one INSERT, run before and after the product. Prints req/s, p99 and
errors for both, the ratio, and how long a withdrawn permission keeps working. Targets: ratio ≥ 0.8, p99 ≤ 60 ms,
0 errors, revocation ≤ 5 s.

The first product run saves the value already stored (the save still reads, checks and answers, but writes
nothing); the second changes a value on every request, as typing does (an outcome flipped between two grades,
each wrk thread owning its own candidates), and prints how many of its saves changed a value.

    python tests/load/bench_mark_saves.py --in-process [--saves 3000]

Without nginx, gunicorn or wrk: the marks app and the anchor app called through Flask's test client in this
process, in alternating rounds (so both see the same load from whatever else the machine runs). Prints the
median time of a save and the CPU it costs here and in its PostgreSQL backend; a steadier guide than wrk on
a busy machine.
"""
import argparse
import json
import os
import statistics
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

from anchor_app import create_app as create_anchor_app, prepare  # noqa: E402
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
    parser.add_argument("--in-process", action="store_true", help="time saves in this process, without wrk")
    parser.add_argument("--saves", type=int, default=3000, help="saves of each kind in --in-process")
    args = parser.parse_args()
    if args.in_process:
        return in_process(args.saves)
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
        # The anchor again after the product: on a shared machine the load can change within a run, and the
        # ratios are taken against the mean of the two, which bracket the product's runs.
        anchor_again = run_wrk(base, anchor_lua, args.seconds, args.connections)
        anchor_result["rps"] = (anchor_result["rps"] + anchor_again["rps"]) / 2
        print(f"anchor  (bare Flask+SQLAlchemy): {anchor_result} (rps: the mean of before and after)")
        print(f"  anchor after the product     : {anchor_again}")
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


def in_process(saves: int, rounds: int = 6) -> None:
    """Median save times and CPU per save of the marks app and the anchor, in alternating rounds."""
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="iamis-bench-metrics-"))
    import marks
    from iamis_shared.migrations import upgrade

    workdir = Path(tempfile.mkdtemp(prefix="iamis-bench-"))
    urls = {name: create_database(f"iamis_bench_{name}") for name in ("marks", "anchor")}
    try:
        upgrade(Path(marks.__file__).parent / "migrations", urls["marks"])
        app = marks.create_app({"DATABASE_URL": urls["marks"], "TOKEN_PUBLIC_KEY": token_key(workdir)})
        change, same = product_saves(app.test_client(), workdir)
        prepare(urls["anchor"], 29)
        os.environ["ANCHOR_DATABASE_URL"] = urls["anchor"]
        anchor_client = create_anchor_app().test_client()

        def anchor(i):
            return anchor_client.patch(f"/anchor/marks/{i % 29 + 1}", json={"value": i % 100})
        kinds = {"save that changes a value": change, "save of the value stored": same,
                 "anchor (UPDATE + INSERT)": anchor}
        for send in kinds.values():  # warm up: pools, prepared statements, caches
            timed(send, 300, set())
        pids = {name: backend_pids(urls["anchor" if name.startswith("anchor") else "marks"]) for name in kinds}
        results = {name: [] for name in kinds}
        for _ in range(rounds):
            for name, send in kinds.items():
                results[name].append(timed(send, saves // rounds, pids[name]))
        print(f"in-process, {rounds} rounds of {saves // rounds} saves of each kind (median; CPU per save: "
              "this process + its PostgreSQL backend)")
        medians = {}
        for name, measured in results.items():
            medians[name] = statistics.median(t for times, _, _ in measured for t in times)
            cpu, db = (statistics.median(m[i] for m in measured) for i in (1, 2))
            print(f"  {name:26}: {medians[name]:.3f} ms   cpu {cpu:.3f} + {db:.3f} ms")
        anchor_ms = medians["anchor (UPDATE + INSERT)"]
        print(f"  anchor time / save time   : changing {anchor_ms / medians['save that changes a value']:.2f}, "
              f"same value {anchor_ms / medians['save of the value stored']:.2f} (throughput ratio in one process)")
    finally:
        for url in urls.values():
            drop_database(url)
        shutil.rmtree(workdir, ignore_errors=True)


def token_key(workdir: Path) -> bytes:
    from iamis_shared.tokens import generate_keypair

    generate_keypair(workdir / "private.pem", workdir / "public.pem")
    return (workdir / "public.pem").read_bytes()


def product_saves(client, workdir: Path):
    """(changing, same value) senders on an outcomes unit of 29 candidates, each first given GRADES[0]."""
    from iamis_shared.tokens import TokenIssuer

    issuer = TokenIssuer((workdir / "private.pem").read_bytes())

    def bearer(**claims):
        return {"Authorization": "Bearer " + issuer.issue("marks", dict(claims, name="Bench", email="b@example"), 3600)}
    staff = bearer(sub="staff", account_type="board_staff", centres=[], permissions=[])
    teacher = bearer(sub="teacher", account_type="user", centres=["68101"], permissions=["iamis"])
    api = "/api/marks/v1"
    series = client.post(f"{api}/series", headers=staff, json={"name": "BENCH", "results_day": "2030-08-12"}).json
    unit = client.post(f"{api}/series/{series['id']}/units", headers=staff, json={
        "code": CHANGED_UNIT_CODE, "title": "BENCH", "kind": "outcomes", "deadline": "2030-05-15",
        "grades": ["Pass", "Merit", "Distinction"]}).json
    numbers = [str(3000 + n) for n in range(29)]
    client.post(f"{api}/units/{unit['id']}/entries", headers=staff, json={"entries": [
        {"centre": "68101", "candidate_number": n, "surname": "Jones", "forename": "Carys",
         "date_of_birth": "2010-01-02"} for n in numbers]})
    path = f"{api}/centres/68101/units/{unit['id']}/candidates/"
    shown = dict.fromkeys(numbers, "")

    def change(i):
        number = numbers[i % len(numbers)]
        typed = GRADES[0] if shown[number] != GRADES[0] else GRADES[1]
        answer = client.patch(path + number, headers=teacher, json={"field": "outcome", "value": typed,
                                                                     "previous": shown[number]})
        shown[number] = typed
        return answer

    def same(i):
        number = numbers[i % len(numbers)]
        return client.patch(path + number, headers=teacher, json={"field": "outcome", "value": shown[number],
                                                                   "previous": shown[number]})
    for n in range(len(numbers)):  # every candidate given the first grade, as the wrk run does
        assert change(n).status_code == 200
    return change, same


def backend_pids(url: str) -> set[int]:
    """The PostgreSQL backends of the app's pool, if /proc shows them (the database runs on this machine)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        pids = {r[0] for r in conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = "
                                                "current_database() AND pid <> pg_backend_pid()"))}
    engine.dispose()
    return {pid for pid in pids if Path(f"/proc/{pid}/stat").exists()}


def cpu_seconds(pids: set[int]) -> float:
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def timed(send, count: int, pids: set[int]) -> tuple[list[float], float, float]:
    """Each answer's time (ms), and this thread's and the backends' CPU per save (ms)."""
    times, cpu, db = [], time.thread_time(), cpu_seconds(pids)
    for i in range(count):
        started = time.perf_counter()
        answer = send(i)
        times.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"{answer.status_code}: {answer.get_data(as_text=True)}")
    return times, (time.thread_time() - cpu) * 1000 / count, (cpu_seconds(pids) - db) * 1000 / count


if __name__ == "__main__":
    main()
