"""A 1 GiB evidence upload through the product's upload path against a raw minio-SDK multipart PUT.

    python tests/load/bench_evidence_upload.py [--mib 1024]

Product path: headless Chromium on the marksheet's Upload button (the page's own upload script: SHA-256 of
every part, part URLs signed by the evidence service, parts PUT through nginx's /s3/ to the object store, the
completion checked by the evidence service). Raw: the minio SDK's fput_object of the same file to the same
S3 server, with the same part size and the same number of parts in flight. Prints both throughputs, the
ratio (target ≥ 0.8) and the highest resident memory of every gateway, evidence and nginx process during
the product upload (target < 150 MB each).
"""
import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "e2e"))
sys.path.insert(0, str(HERE))

from upload_steps import browser_upload, submitted_unit  # noqa: E402
from http_client import demo_code, signed_in_session  # noqa: E402
from process_memory import PeakMemory, group_cpu_seconds, machine_busy_seconds  # noqa: E402
from stack_process import SERVICES, RunningStack, Stack  # noqa: E402

from iamis_shared.testing import RABBITMQ_URL, create_database, delete_namespace, drop_database  # noqa: E402

PORT = 19400
TEACHER, PASSWORD = "teacher@demo-centre.example", "Demo-Pass-2025"
PART_SIZE, PARTS_IN_FLIGHT = 16 * 1024 * 1024, 4
WATCHED = ("gateway", "evidence", "nginx")


def write_file(path: Path, mib: int) -> None:
    block = os.urandom(1024 * 1024)
    with path.open("wb") as out:
        for i in range(mib):
            # Every MiB differs, so no layer can take a shortcut on repeated content.
            out.write(i.to_bytes(8, "big") + block[8:])


def raw_upload(stack: Stack, path: Path) -> float:
    from minio import Minio

    env = stack.s3_env()
    client = Minio(env["S3_ENDPOINT"], access_key=env["S3_ACCESS_KEY"], secret_key=env["S3_SECRET_KEY"],
                   secure=False, region=env["S3_REGION"])
    started = time.monotonic()
    client.fput_object(env["S3_BUCKET"], f"bench/raw-{uuid.uuid4().hex}", str(path), part_size=PART_SIZE,
                       num_parallel_uploads=PARTS_IN_FLIGHT)
    return time.monotonic() - started


class CpuUse:
    """`with CpuUse(store_pid) as use:` — CPU seconds of the object store and of the whole machine meanwhile."""

    def __init__(self, store_group: int):
        self.store_group = store_group

    def __enter__(self):
        self.store, self.machine = group_cpu_seconds(self.store_group), machine_busy_seconds()
        return self

    def __exit__(self, *exc):
        self.store = group_cpu_seconds(self.store_group) - self.store
        self.machine = machine_busy_seconds() - self.machine

    def line(self, seconds: float) -> str:
        cores = os.cpu_count() or 1
        return (f"object store {self.store:.1f} CPU s, machine {self.machine:.1f} of {cores * seconds:.1f} CPU s "
                f"({100 * self.machine / (cores * seconds):.0f} % of {cores} cores)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=1024, help="file size in MiB (1024 = 1 GiB)")
    args = parser.parse_args()
    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    databases = {name: create_database(f"iamis_bench_{name}") for name in SERVICES}
    workdir = Path(tempfile.mkdtemp(prefix="iamis-bench-"))
    stack = Stack(var_dir=workdir / "var", port=PORT, database_urls=databases, bus_url=RABBITMQ_URL,
                  bus_namespace=namespace, s3=True, web_concurrency=2, extra_env={"SESSION_COOKIE_SECURE": "0"})
    running = RunningStack(stack)
    try:
        running.start()
        path = workdir / "evidence-1GiB.bin"
        write_file(path, args.mib)
        size = path.stat().st_size
        base = f"http://127.0.0.1:{PORT}"
        teacher = signed_in_session(base, TEACHER, PASSWORD, lambda e: demo_code(stack.env("identity"), e))
        unit_id, candidate = submitted_unit(teacher, base)
        raw_upload(stack, path)  # warm the store up: volumes are created on the first write
        store = running.procs["s3"].pid
        with CpuUse(store) as raw_cpu:
            raw_before = raw_upload(stack, path)
        peaks = PeakMemory({name: running.procs[name].pid for name in WATCHED})
        with peaks, CpuUse(store) as product_cpu:
            # The page at the address the stack publishes: part URLs are signed only for that host.
            product_seconds = browser_upload(stack.url, teacher, unit_id, candidate, path)
        # The raw upload runs before and after the product's, and its faster run is the one compared, so
        # the machine's other load cannot flatter the product.
        raw_seconds = min(raw_before, raw_upload(stack, path))
        mib = size / 1024 / 1024
        print(f"file                         : {mib:.0f} MiB, parts of {PART_SIZE // 1024 // 1024} MiB, "
              f"{PARTS_IN_FLIGHT} in flight")
        print(f"raw minio-SDK multipart PUT  : {raw_seconds:.1f} s, {mib / raw_seconds:.0f} MiB/s")
        print(f"product (Chromium, page code): {product_seconds:.1f} s, {mib / product_seconds:.0f} MiB/s")
        print(f"ratio product/raw            : {raw_seconds / product_seconds:.2f} (target >= 0.80)")
        # Where the CPU went: when the store alone keeps the machine's cores busy during the raw upload, the
        # browser's hashing and the proxy hop can only take time from it.
        print(f"CPU, raw (first run)         : {raw_cpu.line(raw_before)}")
        print(f"CPU, product                 : {product_cpu.line(product_seconds)}")
        for name, rss in peaks.highest().items():
            print(f"peak RSS {name:<20}: {rss / 1024 / 1024:.0f} MB (target < 150 MB)")
    finally:
        running.stop()
        for url in databases.values():
            drop_database(url)
        delete_namespace(RABBITMQ_URL, namespace)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    threading.excepthook = lambda hook: print(f"sampler failed: {hook.exc_value}", file=sys.stderr)
    main()
