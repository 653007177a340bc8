"""`python -m moderation.cli seed-demo`: the demo's moderator allocation for the one-command run."""
import sys

from iamis_shared import demo_cli

from .demo import seed_demo
from .service_layer.unit_of_work import ModerationUnitOfWork

def seed_demo_command(settings: dict, _args) -> int:
    return demo_cli.seed_demo_command(settings, seed_demo, ModerationUnitOfWork,
                                      "Demo moderator allocated", "Demo moderator allocation already present.")


def main(argv: list[str] | None = None) -> int:
    return demo_cli.seed_demo_main("moderation", __doc__,
                                   "allocate the demo moderator to centre 68101 (safe to repeat)",
                                   seed_demo_command, argv)


if __name__ == "__main__":
    sys.exit(main())
