#!/usr/bin/env bash
# A throwaway OCI registry on 127.0.0.1:5000 (docker-registry, plain HTTP, loopback only) with its
# storage in a temporary directory, for building and pulling images without any network.
#
#   scripts/registry.sh start   # idempotent; waits until /v2/ answers
#   scripts/registry.sh stop    # stops it and deletes its storage
#   scripts/registry.sh status
#
# DYNINKA_REGISTRY_DIR (default /tmp/dyninka-registry) holds the config, the pidfile, the log and
# the storage; DYNINKA_REGISTRY_ADDR (default 127.0.0.1:5000) must stay on loopback.
set -euo pipefail

dir=${DYNINKA_REGISTRY_DIR:-/tmp/dyninka-registry}
addr=${DYNINKA_REGISTRY_ADDR:-127.0.0.1:5000}
pidfile=$dir/registry.pid

case $addr in
  127.*|localhost:*) ;;
  *) echo "registry.sh: $addr is not a loopback address" >&2; exit 2 ;;
esac

running() { [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
answers() { curl -fsS -o /dev/null --max-time 2 "http://$addr/v2/" 2>/dev/null; }

start() {
  if running && answers; then
    echo "registry already running at $addr (pid $(cat "$pidfile"))"
    return
  fi
  command -v docker-registry >/dev/null || { echo "registry.sh: docker-registry is missing: run scripts/containers-setup.sh" >&2; exit 1; }
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: $addr
CONFIG
  # setsid: the registry outlives this script, and stop finds it by its pid alone.
  setsid docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 < /dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 50); do
    if answers; then
      echo "registry running at $addr (pid $(cat "$pidfile"), storage $dir/storage)"
      return
    fi
    running || break
    sleep 0.2
  done
  echo "registry.sh: the registry did not start; its log:" >&2
  cat "$dir/registry.log" >&2 || true
  stop
  exit 1
}

stop() {
  if running; then
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  echo "registry stopped"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) if running && answers; then echo "running at $addr"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
