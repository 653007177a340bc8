"""The upload benchmark's CPU placement: what it pins is pinned, thread by thread, and the setups it runs."""
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu_split import BusyCpus, all_cpus, pin_groups, setups  # noqa: E402


def test_every_thread_of_a_process_group_is_pinned_and_its_later_threads_inherit_it():
    cpu = min(all_cpus())
    script = "import threading, time, os; time.sleep(0.5); t = threading.Thread(target=time.sleep, args=(5,)); " \
             "t.start(); print(sorted(os.sched_getaffinity(0)), flush=True); t.join()"
    child = subprocess.Popen([sys.executable, "-c", script], start_new_session=True, stdout=subprocess.PIPE, text=True)
    try:
        pin_groups([child.pid], {cpu})
        assert os.sched_getaffinity(child.pid) == {cpu}
        assert child.stdout.readline().strip() == f"[{cpu}]"
        threads = list(Path(f"/proc/{child.pid}/task").iterdir())
        assert len(threads) == 2 and all(os.sched_getaffinity(int(t.name)) == {cpu} for t in threads)
    finally:
        child.kill()
        child.wait()


def test_the_client_and_the_system_get_cpus_of_their_own_first_then_share_them():
    cpus = all_cpus()
    runs = setups()
    assert runs[-1] == ("sharing every CPU", cpus, cpus)
    if len(cpus) > 1:
        label, client, system = runs[0]
        assert client | system == cpus and not client & system and len(client) == 1
        assert label == f"client on CPU {min(cpus)}, system on CPU {','.join(str(c) for c in sorted(cpus - client))}"


def test_busy_share_counts_the_time_a_cpu_worked_over_the_seconds_given():
    busy = BusyCpus()
    busy.used = {0: (1.5, 0.25), 1: (0.5, 0.0)}
    assert busy.share({0, 1}, 2.0) == 0.5
    assert busy.stolen({0}, 2.0) == 0.125
