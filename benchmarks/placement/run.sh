#!/usr/bin/env bash
# The orders flow split (one JVM per service) against fully co-located (one JVM, direct calls),
# under hey: 20 s at 50 workers with keep-alive, then 20 s at 1 worker for the p50; and the RSS of
# the single process against one split service's. Prints numbers; asserts nothing.
#
# Needs the orders project built by the it-tests (mvn -pl it-tests -am verify -Dit.test=PlacementIT,
# or any run that reaches pre-integration-test), the runtime installed in the local repository it
# uses, and hey on the PATH. About 100 s of load in all.
#
#   benchmarks/placement/run.sh [duration-seconds]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=${ORDERS_PROJECT:-$here/../../it-tests/target/it/orders}
seconds=${1:-20}
[[ -f $project/target/classpath.txt ]] || { echo "no built orders project at $project" >&2; exit 1; }
command -v hey >/dev/null || { echo "hey is not on the PATH" >&2; exit 1; }
cp="$project/target/classes:$(cat "$project/target/classpath.txt")"
flags=(-XX:+UseSerialGC -XX:MaxRAM=1g -Xss512k -XX:CICompilerCount=2 -XX:+ExitOnOutOfMemoryError)
body='{"id":"o-1","quantity":3,"unitPrice":12.5,"country":"FR"}'

# name mainClass, one per line, head first, from the manifest.
mapfile -t services < <(python3 -c '
import json,sys
m=json.load(open(sys.argv[1]))
for s in m["services"]: print(s["name"], s["mainClass"])
' "$project/target/classes/META-INF/dyninka/orders.json")

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop EXIT

ports=() peers=() names=()
base=$((20000 + RANDOM % 20000))
for i in "${!services[@]}"; do
  read -r name main <<<"${services[$i]}"
  names+=("$name"); ports+=($((base + i))); peers+=("$name=http://127.0.0.1:$((base + i))")
done
peer_spec=$(IFS=,; echo "${peers[*]}")
sink_port=${ports[-1]}

await_ready() {
  for port in "${ports[@]}"; do
    for _ in $(seq 1 600); do
      curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
      sleep 0.1
    done
  done
}

measure() { # label
  local label=$1 url="http://127.0.0.1:$sink_port/"
  hey -z 5s -c 50 -m POST -T application/json -d "$body" "$url" >/dev/null   # warm-up
  local c50 c1
  c50=$(hey -z "${seconds}s" -c 50 -m POST -T application/json -d "$body" "$url")
  [[ -n ${BENCH_DEBUG:-} ]] && echo "$c50" >&2
  c1=$(hey -z "${seconds}s" -c 1 -m POST -T application/json -d "$body" "$url")
  local rps p50 rss
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$c50")
  p50=$(awk '/ 50% in/ {printf "%.2f", $3 * 1000}' <<<"$c1")
  rss=0
  for p in "${pids[@]}"; do rss=$((rss + $(ps -o rss= -p "$p"))); done
  local errors
  errors=$(grep -cE '^\s+\[(4|5)[0-9]{2}\]' <<<"$c50$c1" || true)
  printf '%-12s req/s@50=%-9s p50@1=%-6s ms  processes=%d  RSS total=%d MB  RSS/process=%d MB  non-2xx status lines=%s\n' \
    "$label" "$rps" "$p50" "${#pids[@]}" $((rss / 1024)) $((rss / 1024 / ${#pids[@]})) "$errors"
}

echo "orders flow, $(nproc) cores, ${seconds}s per profile, $(date -u +%FT%TZ)"

# Split: one JVM per service.
for i in "${!services[@]}"; do
  read -r name main <<<"${services[$i]}"
  PORT=${ports[$i]} DYNINKA_PEERS=$peer_spec java "${flags[@]}" -cp "$cp" "$main" >/dev/null 2>&1 &
  pids+=($!)
done
await_ready
measure split
stop

# All in one: GroupMain hosts every service, each on the same port as before.
port_spec=$(for i in "${!names[@]}"; do printf '%s%s=%s' "$([[ $i -gt 0 ]] && echo ,)" "${names[$i]}" "${ports[$i]}"; done)
DYNINKA_GROUP=all DYNINKA_PORTS=$port_spec DYNINKA_PEERS=$peer_spec \
  java "${flags[@]}" -cp "$cp" io.dyninka.runtime.group.GroupMain orders >/dev/null 2>&1 &
pids+=($!)
await_ready
measure all
stop
