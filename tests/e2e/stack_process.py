"""Start the whole system for end-to-end tests: PostgreSQL databases, a RabbitMQ namespace, nginx in front."""
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "deploy" / "local"))

from stack import SERVICES, Stack  # noqa: E402


class RunningStack:
    def __init__(self, stack: Stack):
        self.stack = stack
        self.procs: dict[str, subprocess.Popen] = {}

    def start(self, timeout: float = 90) -> None:
        self.stack.prepare()
        logs = self.stack.var_dir / "logs"
        for name, (command, env) in self.stack.processes().items():
            log = open(logs / f"{name}.log", "ab")
            self.procs[name] = subprocess.Popen(command, shell=True, env=env, cwd=REPO, stdout=log,
                                                stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        urls = [f"http://127.0.0.1:{self.stack.service_port(s)}/healthz" for s in (*SERVICES, "gateway")]
        urls.append(f"{self.stack.url}/sign-in")
        if self.stack.s3:
            urls.append(f"http://127.0.0.1:{self.stack.s3_port}/healthz")
        deadline = time.monotonic() + timeout
        for url in urls:
            while True:
                dead = [n for n, p in self.procs.items() if p.poll() is not None]
                if dead:
                    raise RuntimeError(f"processes exited early: {dead}\n{self.tail(dead[0])}")
                try:
                    with urllib.request.urlopen(url, timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"not ready: {url}")
                time.sleep(0.3)

    def tail(self, name: str, lines: int = 40) -> str:
        path = self.stack.var_dir / "logs" / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for proc in self.procs.values():
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
