"""A service's background worker: its outbox relay, its own background loops (identity: sending email)
and, if it reads events, its consumer."""
import logging
import signal
import threading

from sqlalchemy import Table
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from .bus.consumer import EventConsumer, Handler
from .bus.relay import OutboxRelay
from .bus.topology import SUBSCRIPTIONS, Topology
from .config import env


def run_worker(service: str, engine: Engine, session_factory: sessionmaker, outbox: Table,
               inbox: Table, handlers: dict[str, Handler], settings: dict, background=()) -> None:
    """`background`: more loops, each with run_forever() and stop(), run in threads beside the relay."""
    logging.basicConfig(level=logging.INFO, format=f"%(asctime)s {service}-worker %(levelname)s %(message)s")
    _serve_metrics(env("METRICS_BIND"))
    topology = Topology(settings["BUS_NAMESPACE"])
    relay = OutboxRelay(service, engine, outbox, settings["BUS_URL"], topology)
    consumer = None
    if service in SUBSCRIPTIONS:
        consumer = EventConsumer(service, session_factory, inbox, handlers, settings["BUS_URL"], topology)

    def stop(*_):
        relay.stop()
        for task in background:
            task.stop()
        if consumer is not None:
            consumer.should_stop = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    relay_thread = threading.Thread(target=relay.run_forever, name=f"{service}-relay", daemon=True)
    relay_thread.start()
    threads = [threading.Thread(target=task.run_forever, name=f"{service}-{type(task).__name__}", daemon=True)
               for task in background]
    for thread in threads:
        thread.start()
    if consumer is not None:
        consumer.run()
        consumer.close()
    relay_thread.join()
    for thread in threads:
        thread.join()


def _serve_metrics(bind: str | None) -> None:
    """With METRICS_BIND=host:port the worker serves its own /metrics (relay, consumer, dead-letter depth):
    in a container it shares no metrics directory with its service's web process."""
    if not bind:
        return
    from prometheus_client import start_http_server

    from .metrics import registry

    host, _, port = bind.rpartition(":")
    start_http_server(int(port), addr=host or "0.0.0.0", registry=registry())
