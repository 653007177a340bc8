"""Fixtures of the bus integration tests: a miniature service database, a short-retry topology, a proxy."""
import pytest
from kombu import Connection

from iamis_shared.bus.connection import connect
from iamis_shared.bus.topology import Topology

from .bus_helpers import TEST_RETRY_DELAYS_MS, BusDatabase
from .tcp_proxy import TcpProxy


@pytest.fixture
def bus_db(postgres_url):
    database = BusDatabase(postgres_url)
    yield database
    database.engine.dispose()


@pytest.fixture
def topology(bus_namespace):
    return Topology(bus_namespace, retry_delays_ms=TEST_RETRY_DELAYS_MS)


@pytest.fixture
def sink(rabbitmq_url, topology):
    """The "test" queue, bound to every event, so a test can count what reached the broker."""
    with connect(rabbitmq_url) as connection:
        topology.declare(connection, services=["test"], bindings=("#",))
    return topology.queue_name("test")


@pytest.fixture
def broker_proxy(rabbitmq_url):
    """A stoppable TCP proxy in front of RabbitMQ; `.url` reaches the broker through it."""
    broker = Connection(rabbitmq_url)
    proxy = TcpProxy(broker.hostname, broker.port or 5672)
    proxy.start()
    proxy.url = f"amqp://{broker.userid}:{broker.password}@127.0.0.1:{proxy.port}/{broker.virtual_host}"
    yield proxy
    proxy.stop()
