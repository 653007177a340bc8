#!/bin/sh
# Entrypoint of the RabbitMQ container in compose. A broker that imports definitions at boot creates no
# default user, so the application's user is written (from the environment) beside the committed topology
# in the definitions directory, then the image's own entrypoint starts the broker.
set -eu
: "${RABBITMQ_USER:?RABBITMQ_USER must be set}"
: "${RABBITMQ_PASSWORD:?RABBITMQ_PASSWORD must be set}"

definitions=${RABBITMQ_DEFINITIONS_DIR:-/etc/rabbitmq/definitions.d}
mkdir -p "$definitions"
# Files are imported in name order: the topology (10-topology.json, mounted) creates the vhost first.
umask 077
printf '{"users": [{"name": "%s", "password": "%s", "tags": ""}],
 "permissions": [{"user": "%s", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}]}\n' \
    "$RABBITMQ_USER" "$RABBITMQ_PASSWORD" "$RABBITMQ_USER" > "$definitions/20-users.json"
# The image's entrypoint drops to the rabbitmq user, which must be able to read the file.
if id rabbitmq >/dev/null 2>&1; then
    chown rabbitmq:rabbitmq "$definitions/20-users.json"
fi
exec docker-entrypoint.sh rabbitmq-server
