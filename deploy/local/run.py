"""`make run`: the whole system in the foreground with embedded defaults; Ctrl-C stops all of it."""
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from honcho.manager import Manager  # noqa: E402
from stack import REPO, Stack  # noqa: E402


ACCOUNT_LABELS = {"exams_officer": "Exams Officer", "admin": "Admin", "user": "User", "moderator": "Moderator",
                  "board_staff": "Board staff"}


def describe(account) -> str:
    from identity.domain.access import effective_permissions

    iamis = "with IAMIS" if "iamis" in effective_permissions(account.account_type, account.permissions) else \
        "without IAMIS"
    centre = f", centre {account.centre_number}" if account.centre_number else ""
    return f"{ACCOUNT_LABELS[account.account_type]}{centre}, {iamis}"


def announce_when_ready(stack: Stack) -> None:
    from identity.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{stack.url}/sign-in", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    accounts = "\n".join(f"    {a.email:<36} {describe(a)}" for a in DEMO_ACCOUNTS)
    print(f"\n  IAMIS is running: {stack.url}\n\n  Demo accounts (password {DEMO_PASSWORD}):\n{accounts}\n\n"
          "  Authentication code for a demo account: make code EMAIL=<address>\n"
          f"  Emails (user invites) are caught here, not sent: {stack.mail_url}\n"
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
