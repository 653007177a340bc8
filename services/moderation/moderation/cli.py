"""`python -m moderation.cli seed-demo`: the demo's moderator allocation for the one-command run."""
import argparse
import sys
from datetime import datetime, timezone

from iamis_shared.config import service_settings
from iamis_shared.db import make_engine, make_session_factory

from .demo import seed_demo
from .service_layer.unit_of_work import ModerationUnitOfWork

REFUSED = 2


def seed_demo_command(settings: dict, _args) -> int:
    if not settings["DEMO_MODE"]:
        print("Refused: demo data is loaded only in the demo (set IAMIS_DEMO=1).", file=sys.stderr)
        return REFUSED
    factory = make_session_factory(make_engine(settings["DATABASE_URL"]))
    added = seed_demo(lambda: ModerationUnitOfWork(factory), datetime.now(timezone.utc))
    print(f"Demo moderator allocated: {', '.join(added)}" if added else "Demo moderator allocation already present.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m moderation.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("seed-demo", help="allocate the demo moderator to centre 68101 (safe to repeat)")
    args = parser.parse_args(argv)
    return {"seed-demo": seed_demo_command}[args.command](service_settings("moderation"), args)


if __name__ == "__main__":
    sys.exit(main())
