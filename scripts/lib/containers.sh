#!/usr/bin/env bash
# Sourced after infra.sh. Makes a container engine available to Testcontainers and to the AppHost's
# container mode: Docker when one answers; otherwise rootful Podman with the settings these machines
# need and its Docker-compatible API socket. Builds our PostgreSQL and RabbitMQ images from Debian
# packages (no registry is reachable), rebuilding only when their Containerfile or entrypoint change.

CONTAINER_ENGINE=
CONTAINERS_API_PID=
CONTAINERS_STATE=${CONTAINERS_STATE:-/var/lib/talent-containers}
TALENT_POSTGRES_IMAGE=localhost/talent-postgres:15
TALENT_RABBITMQ_IMAGE=localhost/talent-rabbitmq:3

apt_mirror() {
  # The machine's own Debian mirror, read from its apt sources (never written into the repository).
  local m
  m=$(awk '/^URIs:/{u=$2} /^Suites:/ && /bookworm( |$)/ && u {print u; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null)
  [ -n "$m" ] || m=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
  [ -n "$m" ] || return 1
  echo "$m"
}

podman_configure() {
  mkdir -p "$CONTAINERS_STATE"
  # Root here lacks CAP_SYS_RESOURCE (so no higher ulimits than these) and cgroups are hybrid, which crun refuses.
  cat >"$CONTAINERS_STATE/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
exit_command_delay = 5
CONF
  export CONTAINERS_CONF="$CONTAINERS_STATE/containers.conf"
}

engine_image_exists() { $CONTAINER_ENGINE image inspect "$1" >/dev/null 2>&1; }

build_base_image() {
  engine_image_exists localhost/debian-base:12 && return 0
  local mirror rootfs
  mirror=$(apt_mirror) || { say "no Debian mirror found in the apt sources"; return 1; }
  apt_install debootstrap
  rootfs=$(mktemp -d /tmp/talent-rootfs.XXXXXX)
  say "building the base image localhost/debian-base:12 with debootstrap (once, ~30 s)"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 || { tail -5 "$rootfs.log" >&2; rm -rf "$rootfs" "$rootfs.log"; return 1; }
  echo 'Acquire::Check-Valid-Until "false";' >"$rootfs/etc/apt/apt.conf.d/99talent"
  tar -C "$rootfs" -c . | $CONTAINER_ENGINE import --change 'CMD ["/bin/bash"]' - localhost/debian-base:12 >/dev/null 2>&1
  local status=$?
  rm -rf "$rootfs" "$rootfs.log"
  return $status
}

build_image() {
  # build_image DIR TAG: rebuilds only when the folder's files changed (their hash is a label on the image).
  local dir=$1 tag=$2 hash current
  hash=$(cat "$dir"/* | sha256sum | cut -c1-16)
  current=$($CONTAINER_ENGINE image inspect --format '{{ index .Labels "talent.source-hash" }}' "$tag" 2>/dev/null || true)
  if [ "$current" = "$hash" ]; then say "image $tag is up to date"; return 0; fi
  say "building image $tag from $dir"
  $CONTAINER_ENGINE build --network host --label "talent.source-hash=$hash" -t "$tag" "$dir" >"$CONTAINERS_STATE/build-$(basename "$dir").log" 2>&1 \
    || { tail -20 "$CONTAINERS_STATE/build-$(basename "$dir").log" >&2; return 1; }
}

start_podman_api() {
  local socket="$CONTAINERS_STATE/podman-$$.sock"
  podman system service --time=0 "unix://$socket" >"$CONTAINERS_STATE/api.log" 2>&1 &
  CONTAINERS_API_PID=$!
  for _ in $(seq 1 100); do [ -S "$socket" ] && break; sleep 0.1; done
  [ -S "$socket" ] || { say "the Podman API socket did not appear"; return 1; }
  export DOCKER_HOST="unix://$socket"
  say "started Podman's Docker-compatible API on $socket (pid $CONTAINERS_API_PID) for this run"
}

containers_up() {
  # Returns non-zero (saying why) when no engine can run here; callers fall back to local servers.
  mkdir -p "$CONTAINERS_STATE"
  if [ -z "${DOCKER_HOST:-}" ] && command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1; then
    CONTAINER_ENGINE=docker
    say "container engine: Docker (it answers)"
  else
    if ! command -v podman >/dev/null 2>&1; then
      say "no Docker engine answers: installing Podman"
    fi
    apt_install podman runc
    podman_configure
    if ! timeout 60 podman info >/dev/null 2>&1; then
      say "Podman is installed but cannot run containers here"
      return 1
    fi
    CONTAINER_ENGINE=podman
    export ASPIRE_CONTAINER_RUNTIME=podman
    say "container engine: rootful Podman (runc, ulimits set in $CONTAINERS_CONF)"
  fi
  build_base_image || return 1
  build_image "$ROOT/containers/postgres" "$TALENT_POSTGRES_IMAGE" || return 1
  build_image "$ROOT/containers/rabbitmq" "$TALENT_RABBITMQ_IMAGE" || return 1
  if [ "$CONTAINER_ENGINE" = podman ] && [ -n "${TALENT_NEED_DOCKER_API:-}" ]; then start_podman_api || return 1; fi
  # Ryuk (Testcontainers' reaper) needs an image from a registry; the test command cleans up instead.
  export TESTCONTAINERS_RYUK_DISABLED=true
  # Reach published ports on loopback, not through the engine's bridge address.
  export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  export TALENT_TEST_POSTGRES_IMAGE=$TALENT_POSTGRES_IMAGE TALENT_TEST_RABBITMQ_IMAGE=$TALENT_RABBITMQ_IMAGE
}

containers_snapshot() { $CONTAINER_ENGINE ps -aq 2>/dev/null | sort; }

containers_down() {
  # containers_down BEFORE_FILE: removes the containers the run started, then stops the API service.
  local before=$1 leftover
  if [ -n "$CONTAINER_ENGINE" ] && [ -f "$before" ]; then
    leftover=$(comm -13 "$before" <(containers_snapshot))
    if [ -n "$leftover" ]; then
      # shellcheck disable=SC2086
      $CONTAINER_ENGINE rm -f -v $leftover >/dev/null 2>&1 || true
      say "removed $(echo "$leftover" | wc -w) container(s) the run left behind"
    fi
  fi
  if [ -n "$CONTAINERS_API_PID" ]; then kill "$CONTAINERS_API_PID" 2>/dev/null || true; wait "$CONTAINERS_API_PID" 2>/dev/null || true; fi
}
