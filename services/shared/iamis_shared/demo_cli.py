"""`python -m <service>.cli seed-demo` for a service whose demo data is seeded through its unit of work.

The service's `demo.seed_demo(unit_of_work_factory, now)` returns the names of what it added, so the
command can say what it did; it is refused outside the demo so production never gets demo data.
"""
import argparse
import sys
from datetime import datetime, timezone

from .config import service_settings
from .db import make_engine, make_session_factory

REFUSED = 2


def seed_demo_command(settings: dict, seed_demo, unit_of_work_class, added: str, present: str) -> int:
    if not settings["DEMO_MODE"]:
        print("Refused: demo data is loaded only in the demo (set IAMIS_DEMO=1).", file=sys.stderr)
        return REFUSED
    factory = make_session_factory(make_engine(settings["DATABASE_URL"]))
    names = seed_demo(lambda: unit_of_work_class(factory), datetime.now(timezone.utc))
    print(f"{added}: {', '.join(names)}" if names else present)
    return 0


def seed_demo_main(service: str, description: str, help_text: str, command, argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {service}.cli", description=description)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("seed-demo", help=help_text)
    args = parser.parse_args(argv)
    return {"seed-demo": command}[args.command](service_settings(service), args)
