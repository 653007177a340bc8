#!/usr/bin/env bash
# Installs the Debian packages the project needs when they are missing, and starts PostgreSQL and
# RabbitMQ on loopback for the tests when they are not running. Usage: ensure-system.sh run|test|bench
set -euo pipefail
mode=${1:-run}

need=()
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
command -v npm >/dev/null || need+=(npm)  # installs the gateway's locked browser bundles
if [ "$mode" != run ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi
if [ "$mode" = bench ]; then
  command -v wrk >/dev/null || need+=(wrk)
fi
python3 -c 'import ensurepip' 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

[ "$mode" != run ] || exit 0

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; then
  echo "Starting RabbitMQ"
  rabbitmq-server -detached
  for _ in $(seq 60); do rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1 && break; sleep 1; done
fi
