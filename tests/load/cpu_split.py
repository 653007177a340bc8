"""Which CPUs a benchmark's processes may run on, and how busy each CPU was.

A benchmark that runs its client and the system under test on one machine lets them compete for the same
cores, so it measures the client's CPU cost as much as the system's. Load-testing practice keeps them apart:
here the client (the browser, or the raw SDK upload) gets the first CPU and the system under test (nginx,
the services, the object store) the others, as on separate machines. The shared setup is measured as well.
"""
import os
from pathlib import Path

from process_memory import PROC, group_members


def all_cpus() -> set[int]:
    return set(os.sched_getaffinity(0))


def split_cpus() -> tuple[set[int], set[int]] | None:
    """(client CPUs, system CPUs), or None on a machine with a single CPU."""
    cpus = sorted(all_cpus())
    return ({cpus[0]}, set(cpus[1:])) if len(cpus) > 1 else None


def setups() -> list[tuple[str, set[int], set[int]]]:
    """(label, client CPUs, system CPUs): apart first (where a machine has two CPUs or more), then shared."""
    everything = all_cpus()
    shared = ("sharing every CPU", everything, everything)
    split = split_cpus()
    if split is None:
        return [shared]
    client, system = split
    return [(f"client on CPU {_listed(client)}, system on CPU {_listed(system)}", client, system), shared]


def _listed(cpus: set[int]) -> str:
    return ",".join(str(cpu) for cpu in sorted(cpus))


def pin_groups(groups: list[int], cpus: set[int]) -> None:
    """Every thread of every process of the process groups; threads they start later inherit it."""
    for group in groups:
        for pid in group_members(group):
            for task in Path(PROC / str(pid) / "task").glob("[0-9]*"):
                try:
                    os.sched_setaffinity(int(task.name), cpus)
                except OSError:
                    pass  # the thread ended meanwhile


def pin_self(cpus: set[int]) -> None:
    """This process's own thread; the browser and threads started from here afterwards inherit it."""
    os.sched_setaffinity(0, cpus)


def cpu_times() -> dict[int, tuple[float, float]]:
    """(busy, stolen) CPU seconds per CPU so far, from /proc/stat: busy is user, nice, system, irq and
    softirq; stolen is the time a virtual machine's host ran something else while this CPU wanted to run."""
    ticks = os.sysconf("SC_CLK_TCK")
    times = {}
    for line in (PROC / "stat").read_text().splitlines():
        name, *values = line.split()
        if name.startswith("cpu") and name != "cpu":
            user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in values[:8])
            times[int(name[3:])] = ((user + nice + system + irq + softirq) / ticks, steal / ticks)
    return times


class BusyCpus:
    """`with BusyCpus() as busy:` then busy.share(cpus, seconds): how busy those CPUs were meanwhile (0-1),
    and busy.stolen(cpus, seconds): the share of their time the host took (on a virtual machine)."""

    def __enter__(self):
        self.before = cpu_times()
        return self

    def __exit__(self, *exc):
        after = cpu_times()
        self.used = {cpu: tuple(a - b for a, b in zip(after[cpu], self.before.get(cpu, (0.0, 0.0))))
                     for cpu in after}

    def share(self, cpus: set[int], seconds: float, column: int = 0) -> float:
        return sum(self.used.get(cpu, (0.0, 0.0))[column] for cpu in cpus) / (len(cpus) * seconds) if seconds else 0.0

    def stolen(self, cpus: set[int], seconds: float) -> float:
        return self.share(cpus, seconds, column=1)
