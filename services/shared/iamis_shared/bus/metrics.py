"""Bus metrics; written to the multiprocess directory so the service's /metrics shows them."""
from prometheus_client import Counter, Gauge

PUBLISHED = Counter("iamis_bus_published_total", "Events published with a broker confirm",
                    ["service", "routing_key"])
PUBLISH_FAILED = Counter("iamis_bus_publish_failed_total", "Publish attempts that failed", ["service"])
CONSUMED = Counter("iamis_bus_consumed_total", "Messages handled and acknowledged",
                   ["service", "routing_key"])
CONSUME_FAILED = Counter("iamis_bus_consume_failed_total", "Handler failures (each retry counts)",
                         ["service", "routing_key"])
DEAD_LETTERED = Counter("iamis_bus_dead_lettered_total", "Messages sent to the dead-letter queue",
                        ["service"])
DLQ_DEPTH = Gauge("iamis_bus_dead_letter_depth", "Messages waiting in the dead-letter queue",
                  ["queue"], multiprocess_mode="livemax")
OUTBOX_PENDING = Gauge("iamis_bus_outbox_pending", "Outbox rows not yet confirmed by the broker",
                       ["service"], multiprocess_mode="livemax")
