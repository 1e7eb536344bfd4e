#!/bin/sh
# Like the official image: RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS, AMQP on 5672, management on 15672.
# The server runs directly (not Debian's wrapper), so "Server startup complete" reaches the log.
set -e
mkdir -p /etc/rabbitmq/conf.d /var/lib/rabbitmq
{
  echo "loopback_users = none"
  echo "listeners.tcp.default = 5672"
  echo "management.tcp.port = 15672"
  if [ -n "${RABBITMQ_DEFAULT_USER:-}" ]; then echo "default_user = $RABBITMQ_DEFAULT_USER"; fi
  if [ -n "${RABBITMQ_DEFAULT_PASS:-}" ]; then echo "default_pass = $RABBITMQ_DEFAULT_PASS"; fi
} >/etc/rabbitmq/conf.d/10-container.conf
export RABBITMQ_CONFIG_FILES=/etc/rabbitmq/conf.d

if [ "$1" = rabbitmq-server ]; then
  shift
  exec /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi
exec "$@"
