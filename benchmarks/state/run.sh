#!/usr/bin/env bash
# A stateful hop with its placed state in Redis vs in the JVM: the state tests' `invoice` service
# (one counter, read and written by every call), one JVM each, 50 workers of `hey` for DURATION
# each, then two replicas sharing the store. Prints each run's throughput and latencies.
#
#   benchmarks/state/run.sh            # DURATION=15s
#   DURATION=30s benchmarks/state/run.sh
#   RUNTIME_CLASSES=/tmp/old-classes benchmarks/state/run.sh   # another build of the runtime, to compare
#   MVN_FLAGS="-o -Dmaven.repo.local=…" benchmarks/state/run.sh  # flags of the one mvn call
#
# Needs redis-server and hey on the PATH, and the runtime's test classes built
# (mvn -pl dyninka-runtime -am test-compile).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15s}
WORKERS=${WORKERS:-50}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

mvn -B -q ${MVN_FLAGS:-} -pl dyninka-runtime dependency:build-classpath -Dmdep.outputFile="$work/cp" >/dev/null
cp="dyninka-runtime/target/test-classes:${RUNTIME_CLASSES:-dyninka-runtime/target/classes}:$(cat "$work/cp")"

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save '' --appendonly no \
  --daemonize no >"$work/redis.log" 2>&1 &
pids+=($!)

start() { # name port [store]
  local env=(PORT="$2" DYNINKA_HOST=127.0.0.1)
  [[ -n "${3:-}" ]] && env+=(DYNINKA_STATE_STORE="$3")
  env "${env[@]}" java -Xmx256m -cp "$cp" io.dyninka.runtime.state.StateServices state invoice \
    >"$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "$1 not ready" >&2; cat "$work/$1.log" >&2; exit 1
}

report() { # label url...
  local label=$1; shift
  # warm-up, not reported
  hey -z 3s -c "$WORKERS" "$1" >/dev/null
  local out=""
  if [[ $# -eq 1 ]]; then
    out=$(hey -z "$DURATION" -c "$WORKERS" "$1")
    echo "$out" | awk -v l="$label" '
      /Requests\/sec/ {rps=$2} /50% in/ {p50=$3} /90% in/ {p90=$3} /99% in/ {p99=$3}
      END {printf "%-28s %10.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms\n", l, rps, p50*1000, p90*1000, p99*1000}'
  else
    local half=$((WORKERS / 2))
    hey -z "$DURATION" -c "$half" "$1" >"$work/a.out" &
    local first=$!
    hey -z "$DURATION" -c "$half" "$2" >"$work/b.out"
    wait "$first"
    for side in a b; do
      awk -v l="$label, replica $side" '
        /Requests\/sec/ {rps=$2} /50% in/ {p50=$3} /99% in/ {p99=$3}
        END {printf "%-28s %10.0f req/s  p50 %6.2f ms  p99 %6.2f ms\n", l, rps, p50*1000, p99*1000}' "$work/$side.out"
      grep -E '^\s+\[[0-9]{3}\]' "$work/$side.out" | sed "s/^/    replica $side status /"
    done
  fi
  echo "$out" | grep -E '^\s+\[[0-9]{3}\]' | sed "s/^/    $label status /" || true
}

memory_port=$(free_port); start memory "$memory_port"
report "in memory, 1 replica" "http://127.0.0.1:$memory_port/"
kill "${pids[-1]}"

store="redis://127.0.0.1:$redis_port"
a=$(free_port); start redis-a "$a" "$store"
report "redis, 1 replica" "http://127.0.0.1:$a/"
b=$(free_port); start redis-b "$b" "$store"
report "redis, 2 replicas, 1 key" "http://127.0.0.1:$a/" "http://127.0.0.1:$b/"
echo "last invoice number: $(curl -s "http://127.0.0.1:$a/")"
