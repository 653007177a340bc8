"""`python -m identity.cli seed-demo | demo-code EMAIL`: the demo accounts for the one-command run."""
import argparse
import sys
from datetime import datetime, timezone

from iamis_shared.config import service_settings
from iamis_shared.db import make_engine, make_session_factory

from .demo import DEMO_EMAILS, demo_code, seed_demo
from .domain.passwords import Passwords
from .service_layer.unit_of_work import IdentityUnitOfWork

REFUSED = 2


def unit_of_work(settings: dict) -> IdentityUnitOfWork:
    return IdentityUnitOfWork(make_session_factory(make_engine(settings["DATABASE_URL"])))


def seed_demo_command(settings: dict, _args) -> int:
    if not settings["DEMO_MODE"]:
        print("Refused: demo accounts are loaded only in the demo (set IAMIS_DEMO=1).", file=sys.stderr)
        return REFUSED
    added = seed_demo(unit_of_work(settings), Passwords(), datetime.now(timezone.utc))
    print(f"Demo accounts added: {', '.join(added)}" if added else "Demo accounts already present.")
    return 0


def demo_code_command(settings: dict, args) -> int:
    email = args.email.strip().lower()
    if not settings["DEMO_MODE"]:
        print("Refused: demo codes are shown only in the demo (set IAMIS_DEMO=1).", file=sys.stderr)
        return REFUSED
    if email not in DEMO_EMAILS:
        print(f"Refused: {args.email} is not a demo account. Demo accounts: {', '.join(sorted(DEMO_EMAILS))}",
              file=sys.stderr)
        return REFUSED
    code = demo_code(unit_of_work(settings), email, datetime.now(timezone.utc))
    if code is None:
        print(f"Refused: {email} is not in the database yet. Run `python -m identity.cli seed-demo` first.",
              file=sys.stderr)
        return REFUSED
    print(code)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m identity.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("seed-demo", help="add the demo centres and accounts (safe to repeat)")
    code = commands.add_parser("demo-code", help="print the current one-time code of a demo account")
    code.add_argument("email")
    args = parser.parse_args(argv)
    handlers = {"seed-demo": seed_demo_command, "demo-code": demo_code_command}
    return handlers[args.command](service_settings("identity"), args)


if __name__ == "__main__":
    sys.exit(main())
