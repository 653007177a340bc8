"""`python -m marks.cli seed-demo`: the demo series, units and entries for the one-command run."""
import sys

from iamis_shared import demo_cli

from .demo import seed_demo
from .service_layer.unit_of_work import MarksUnitOfWork

def seed_demo_command(settings: dict, _args) -> int:
    return demo_cli.seed_demo_command(settings, seed_demo, MarksUnitOfWork,
                                      "Demo marks data added", "Demo marks data already present.")


def main(argv: list[str] | None = None) -> int:
    return demo_cli.seed_demo_main("marks", __doc__, "add the demo series, units and entries (safe to repeat)",
                                   seed_demo_command, argv)


if __name__ == "__main__":
    sys.exit(main())
