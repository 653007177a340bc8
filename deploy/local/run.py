"""`make run`: the whole system in the foreground with embedded defaults; Ctrl-C stops all of it."""
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from honcho.manager import Manager  # noqa: E402
from stack import REPO, Stack  # noqa: E402


def announce_when_ready(stack: Stack) -> None:
    from identity.demo import DEMO_PASSWORD, DEMO_USERS

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{stack.url}/sign-in", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    accounts = "\n".join(f"    {u['email']:<38} {u['label']}" for u in DEMO_USERS)
    print(f"\n  IAMIS is running: {stack.url}\n\n  Demo accounts (password {DEMO_PASSWORD}):\n{accounts}\n\n"
          "  Authentication code for a demo account: make code EMAIL=<address>\n"
          "  Stop everything with Ctrl-C.\n", flush=True)


def main() -> None:
    stack = Stack(var_dir=REPO / "var")
    stack.prepare()
    manager = Manager()
    for name, (command, env) in stack.processes().items():
        manager.add_process(name, command, env=env, cwd=str(REPO))
    threading.Thread(target=announce_when_ready, args=(stack,), daemon=True).start()
    manager.loop()
    sys.exit(manager.returncode)


if __name__ == "__main__":
    main()
