"""Export the topology as a RabbitMQ definitions document (deploy/rabbitmq/definitions.json)."""
import json
import sys

from .topology import SUBSCRIPTIONS, Topology


def _queue(queue, vhost):
    return {"name": queue.name, "vhost": vhost, "durable": True, "auto_delete": False,
            "arguments": dict(queue.queue_arguments or {})}


def definitions(namespace: str = "iamis", vhost: str = "/") -> dict:
    topology = Topology(namespace)
    exchanges = [
        {"name": ex.name, "vhost": vhost, "type": ex.type, "durable": True, "auto_delete": False,
         "internal": False, "arguments": {}}
        for ex in (topology.events, topology.dead_letter)
    ]
    queues, bindings = [], []
    for service in SUBSCRIPTIONS:
        main, *retries, dlq = topology.queues_for(service)
        queues += [_queue(q, vhost) for q in (main, *retries, dlq)]
        # kombu keeps a queue's bindings in a set: sort them so the export is the same on every run.
        for b in sorted(main.bindings, key=lambda b: b.routing_key):
            bindings.append({"source": b.exchange.name, "vhost": vhost, "destination": main.name,
                             "destination_type": "queue", "routing_key": b.routing_key, "arguments": {}})
        bindings.append({"source": topology.dead_letter.name, "vhost": vhost, "destination": dlq.name,
                         "destination_type": "queue", "routing_key": main.name, "arguments": {}})
    return {"rabbit_version": "3.12.0", "vhosts": [{"name": vhost}], "exchanges": exchanges,
            "queues": queues, "bindings": bindings}


if __name__ == "__main__":
    json.dump(definitions(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
