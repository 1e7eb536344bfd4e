#!/usr/bin/env bash
# Shared by scripts/run and scripts/test: install what is missing, prepare and start local
# PostgreSQL 15 and RabbitMQ servers. Sourced, not run.

say() { printf '[talent] %s\n' "$*" >&2; }
die() { printf '[talent] error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=
apt_install() {
  # Installs Debian packages by name when any of them is missing.
  local missing=()
  # 'dpkg -s' also succeeds for a removed package whose configuration files remain: ask for "installed".
  for p in "$@"; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

pg_bin() {
  # PostgreSQL binaries: on PATH on these machines, else Debian's postgresql-15.
  if ! command -v initdb >/dev/null 2>&1 && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    apt_install postgresql-15
  fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; else echo /usr/lib/postgresql/15/bin; fi
}

ensure_infra_packages() {
  apt_install rabbitmq-server util-linux iproute2
  PG_BIN=$(pg_bin); export PG_BIN
  # Debian starts a system-wide broker on install where it can; ours run on their own ports.
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required (dotnet on PATH)"
}

port_taken() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

require_free_ports() {
  # require_free_ports "name:port" ...: names the first port that is taken, and by whom.
  local item name port who
  for item in "$@"; do
    name=${item%%:*}; port=${item##*:}
    if port_taken "$port"; then
      who=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' | head -1 | sed 's/users:(("//; s/",pid=/ pid /')
      die "port $port ($name) is already taken${who:+ by $who}. Stop that process (a previous run?) or choose another port."
    fi
  done
}

wait_port() {
  # wait_port PORT SECONDS NAME: polls until the port accepts connections.
  local port=$1 seconds=$2 name=$3 deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && die "$name did not open port $port within ${seconds}s"
    sleep 0.2
  done
}

# PostgreSQL refuses to run as root: as root, it runs as the 'postgres' user. Its data folder must
# be reachable by that user; when the repository is not (e.g. under /root), data goes under /var/lib.
pg_run_prefix() { if [ "$(id -u)" = 0 ]; then echo "setpriv --reuid=postgres --regid=postgres --init-groups --"; fi; }

pg_data_root() {
  # pg_data_root PREFERRED: prints a folder the server's user can use.
  local preferred=$1
  if [ "$(id -u)" != 0 ]; then echo "$preferred"; return; fi
  mkdir -p "$preferred"
  chown postgres:postgres "$preferred"
  if setpriv --reuid=postgres --regid=postgres --init-groups -- test -w "$preferred" 2>/dev/null; then
    echo "$preferred"
  else
    local fallback="/var/lib/talent/$(printf '%s' "$preferred" | sha1sum | cut -c1-12)"
    mkdir -p "$fallback"; chown postgres:postgres "$fallback"
    echo "$fallback"
  fi
}

pg_init() {
  # pg_init DIR: a UTF-8 cluster (C.UTF-8, so Chinese text gets trigrams) with trust auth on loopback.
  local dir=$1
  [ -f "$dir/data/PG_VERSION" ] && return 0
  say "creating a PostgreSQL cluster in $dir/data"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  $(pg_run_prefix) "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
    || die "initdb failed in $dir/data"
}

rabbit_prepare() {
  # rabbit_prepare DIR AMQP_PORT MANAGEMENT_PORT: config, plugins and data folders for one node.
  local dir=$1 amqp=$2 mgmt=$3
  mkdir -p "$dir/mnesia" "$dir/log"
  cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = $amqp
management.tcp.port = $mgmt
management.tcp.ip = 127.0.0.1
CONF
  # management: the UI and API; shovel: its "Move messages" action, how operators replay an error queue.
  echo '[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].' >"$dir/enabled_plugins"
}

rabbit_env() {
  # rabbit_env DIR NODE DIST_PORT: the environment one node runs with (printed as NAME=VALUE lines).
  local dir=$1 node=$2 dist=$3
  cat <<ENV
RABBITMQ_NODENAME=$node
RABBITMQ_DIST_PORT=$dist
RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf
RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
RABBITMQ_MNESIA_BASE=$dir/mnesia
RABBITMQ_LOG_BASE=$dir/log
RABBITMQ_LOGS=-
ENV
}

stop_epmd_after() {
  # stop_epmd_after NODE: once that RabbitMQ node has left (up to 20 s), stops Erlang's port mapper daemon.
  # 'epmd -kill' refuses while any other node is registered, so another run's broker is never disturbed.
  command -v epmd >/dev/null 2>&1 || return 0
  for _ in $(seq 1 200); do
    epmd -names 2>/dev/null | grep -q "^name $1 at" || break
    sleep 0.1
  done
  epmd -kill >/dev/null 2>&1 || true
}
