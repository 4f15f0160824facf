#!/usr/bin/env bash
# Installs, from Debian, every real part the tests run against, so that no test skips for a
# missing one: podman, runc and a registry (scripts/containers-setup.sh), Redis for the state
# store, Prometheus for the scrape test, Chromium for the live page, iproute2 for network
# namespaces. The tests start and stop each server themselves, on free loopback ports.
# Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/containers-setup.sh

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ip >/dev/null 2>&1 || need+=(iproute2)

if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-setup: missing ${need[*]}; run as root, or install them yourself" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_get() { apt-get -o DPkg::Lock::Timeout=300 "$@"; }
  apt_get update -qq
  apt_get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The packages start their own daemons on their default ports; the tests start their own
# servers, so the packaged ones are stopped (quietly: there may be no init system).
for service in redis-server prometheus; do
  (command -v systemctl >/dev/null 2>&1 && systemctl disable --now "$service" >/dev/null 2>&1) || true
  (command -v service >/dev/null 2>&1 && service "$service" stop >/dev/null 2>&1) || true
done

echo "test-setup: $(redis-server --version | awk '{print $1, $3}'), $(prometheus --version 2>&1 | sed -n 1p | awk '{print $1, $3}'), $(chromium --version 2>/dev/null)"
