"""The highest resident memory of every process of some process groups, sampled while a benchmark runs.

Each stack process starts a session of its own, so a gunicorn master and its workers (or nginx and its
workers) share one process group: the group id is the pid the stack started.
"""
import os
import threading
import time
from pathlib import Path

PROC = Path("/proc")


def group_members(group: int) -> list[int]:
    members = []
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            # The command name sits in brackets and may hold spaces; the fields after it are fixed.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:
            members.append(int(stat.parent.name))
    return members


def resident_bytes(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class PeakMemory:
    """`with PeakMemory({"gateway": pid, ...}):` samples every 0.2 s; highest() gives "name pid" -> bytes.

    The sampler runs beside the measured upload, so it stays cheap: it reads the known processes' memory at
    each sample and looks through /proc for the groups' members only every `relist` seconds."""

    def __init__(self, groups: dict[str, int], every: float = 0.2, relist: float = 2.0):
        self.groups, self.every, self.relist = groups, every, relist
        self.peaks: dict[str, int] = {}  # kept across uses: the highest of every `with`

    def __enter__(self):
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        members: dict[str, list[int]] = {}
        listed_at = -self.relist
        while True:
            if time.monotonic() - listed_at >= self.relist:
                members = {name: group_members(group) for name, group in self.groups.items()}
                listed_at = time.monotonic()
            for name, pids in members.items():
                for pid in pids:
                    key = f"{name} {pid}"
                    self.peaks[key] = max(self.peaks.get(key, 0), resident_bytes(pid))
            if self._stop.wait(self.every):
                return

    def highest(self) -> dict[str, int]:
        return dict(sorted(self.peaks.items()))


def group_cpu_seconds(group: int) -> float:
    """User and system CPU time used so far by the living processes of a process group."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in group_members(group):
        try:
            fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks
