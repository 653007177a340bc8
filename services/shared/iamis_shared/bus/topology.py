"""The whole RabbitMQ topology, declared here and nowhere else.

One topic exchange carries every event (routing key `<service>.<thing>_<past_verb>`). Each consuming
service has one quorum queue bound to the keys it reads, retry queues whose TTL dead-letters back to
it (growing delays), and `<queue>.dlq` fed by the dead-letter exchange once retries are spent.
"""
from dataclasses import dataclass

from kombu import Exchange, Queue, binding

RETRY_DELAYS_MS = (1_000, 5_000, 30_000)

# Which service reads which events (DESIGN.md, "Services").
SUBSCRIPTIONS: dict[str, tuple[str, ...]] = {
    "marks": ("moderation.clerical_error_recorded", "sampling.*"),
    "sampling": ("marks.marksheet_submitted", "moderation.further_samples_requested"),
    "evidence": ("sampling.*", "marks.marksheet_submitted", "moderation.moderator_allocated"),
    "moderation": ("marks.*", "sampling.*", "evidence.*"),
    "reports": ("#",),
}


@dataclass(frozen=True)
class Topology:
    namespace: str = "iamis"
    # Delay before each retry; tests shorten them, production keeps RETRY_DELAYS_MS.
    retry_delays_ms: tuple[int, ...] = RETRY_DELAYS_MS

    @property
    def events(self) -> Exchange:
        return Exchange(f"{self.namespace}.events", type="topic", durable=True)

    @property
    def dead_letter(self) -> Exchange:
        return Exchange(f"{self.namespace}.dead-letter", type="direct", durable=True)

    def queue_name(self, service: str) -> str:
        return f"{self.namespace}.{service}"

    def main_queue(self, service: str, bindings: tuple[str, ...] | None = None) -> Queue:
        name = self.queue_name(service)
        keys = bindings if bindings is not None else SUBSCRIPTIONS[service]
        return Queue(name, bindings=[binding(self.events, routing_key=k) for k in keys], durable=True,
                     queue_arguments={"x-queue-type": "quorum",
                                      "x-dead-letter-exchange": self.dead_letter.name,
                                      "x-dead-letter-routing-key": name})

    def retry_queue(self, service: str, attempt: int) -> Queue:
        name = self.queue_name(service)
        return Queue(f"{name}.retry.{attempt}", durable=True, no_declare=False,
                     queue_arguments={"x-queue-type": "quorum",
                                      "x-message-ttl": self.retry_delays_ms[attempt - 1],
                                      "x-dead-letter-exchange": "",
                                      "x-dead-letter-routing-key": name})

    def dead_letter_queue(self, service: str) -> Queue:
        name = self.queue_name(service)
        return Queue(f"{name}.dlq", exchange=self.dead_letter, routing_key=name, durable=True,
                     queue_arguments={"x-queue-type": "quorum"})

    def queues_for(self, service: str, bindings: tuple[str, ...] | None = None) -> list[Queue]:
        retries = [self.retry_queue(service, n) for n in range(1, len(self.retry_delays_ms) + 1)]
        return [self.main_queue(service, bindings), *retries, self.dead_letter_queue(service)]

    def declare(self, connection, services=None, bindings: tuple[str, ...] | None = None) -> None:
        amqp = is_amqp(connection)
        channel = connection.default_channel
        self.events(channel).declare()
        self.dead_letter(channel).declare()
        for service in services if services is not None else SUBSCRIPTIONS:
            for queue in self.queues_for(service, bindings):
                if not amqp:
                    # The embedded transport knows no queue arguments (TTL, dead-lettering).
                    queue = Queue(queue.name, exchange=queue.exchange, routing_key=queue.routing_key,
                                  bindings=queue.bindings, durable=True)
                queue(channel).declare()


def is_amqp(connection) -> bool:
    return connection.transport.driver_type == "amqp"
