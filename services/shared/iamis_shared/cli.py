"""`python -m iamis_shared.cli <service> migrate|worker|republish <routing key>...`: the commands every
service shares. `republish` puts the service's sent events with those routing keys back into its outbox under
new ids (see iamis_shared.bus.republish), for a consumer that needs them again.

A service is found by convention: `<service>.migrations/`, `<service>.adapters.orm` (outbox, inbox),
`<service>.entrypoints.consumer.HANDLERS` and, if the service has more for its worker to run,
`<service>.entrypoints.background.tasks(engine, settings)`.
"""
import importlib
import sys
from pathlib import Path

from .config import service_settings
from .db import make_engine, make_session_factory
from .migrations import upgrade

USAGE = "usage: python -m iamis_shared.cli <service> migrate|worker|republish <routing key>..."


def migrate(service: str) -> None:
    package = importlib.import_module(service)
    upgrade(Path(package.__file__).parent / "migrations", service_settings(service)["DATABASE_URL"])


def worker(service: str) -> None:
    from .worker import run_worker

    orm = importlib.import_module(f"{service}.adapters.orm")
    handlers = importlib.import_module(f"{service}.entrypoints.consumer").HANDLERS
    settings = service_settings(service)
    engine = make_engine(settings["DATABASE_URL"])
    run_worker(service, engine, make_session_factory(engine), orm.outbox, orm.inbox, handlers, settings,
               background_tasks(service, engine, settings))


def republish(service: str, routing_keys: list[str]) -> None:
    from .bus.republish import republish as copy_back

    orm = importlib.import_module(f"{service}.adapters.orm")
    foreign = [key for key in routing_keys if not key.startswith(f"{service}.")]
    if not routing_keys or foreign:
        sys.exit(f"{service} publishes only {service}.* events: {', '.join(foreign) or 'name at least one'}")
    count = copy_back(make_engine(service_settings(service)["DATABASE_URL"]), orm.outbox, routing_keys)
    print(f"{count} event{'' if count == 1 else 's'} put back in the {service} outbox; its worker publishes "
          f"{'it' if count == 1 else 'them'}.")


def background_tasks(service: str, engine, settings: dict) -> list:
    name = f"{service}.entrypoints.background"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return []
    return module.tasks(engine, settings)


def main(argv: list[str] | None = None) -> None:
    argv = argv if argv is not None else sys.argv[1:]
    commands = {"migrate": migrate, "worker": worker}
    if len(argv) >= 2 and argv[1] == "republish":
        republish(argv[0], argv[2:])
    elif len(argv) == 2 and argv[1] in commands:
        commands[argv[1]](argv[0])
    else:
        sys.exit(USAGE)


if __name__ == "__main__":
    main()
