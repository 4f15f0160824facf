#!/usr/bin/env bash
# The cost of the meters: a two-service chain (head -> sink, one JVM) under hey at 50 workers with
# keep-alive, DYNINKA_METRICS=true and =false in turn (ROUNDS times each), a warm-up then DURATION
# measured. Prints req/s and the JVM's CPU per answer. Run from the repository root after
# `mvn -pl dyninka-runtime -am test-compile`.
set -euo pipefail
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-2}
WORKERS=${WORKERS:-50}
cd "$(dirname "$0")/../../.."   # dyninka-runtime
command -v hey >/dev/null || { echo "hey is missing (apt-get install hey)" >&2; exit 1; }
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
TICKS=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() {
  local mode=$1 fifo port pid before after out rps answers
  fifo=$(mktemp -u); mkfifo "$fifo"
  java -cp "$CP" io.dyninka.runtime.MetricsCost "$mode" < "$fifo" > target/bench-$mode.out 2>&1 &
  pid=$!
  exec 3>"$fifo"
  until grep -q '^sink ' target/bench-$mode.out 2>/dev/null; do sleep 0.2; done
  port=$(awk '/^sink /{print $2}' target/bench-$mode.out)
  hey -z "$WARMUP" -c "$WORKERS" "http://127.0.0.1:$port/" > /dev/null
  before=$(cpu_ticks "$pid")
  out=$(hey -z "$DURATION" -c "$WORKERS" "http://127.0.0.1:$port/")
  after=$(cpu_ticks "$pid")
  exec 3>&-; wait "$pid" || true; rm -f "$fifo"
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  answers=$(awk '/\[200\]/{print $2}' <<<"$out")
  printf '%-6s %10s req/s  %8s answers  %6.1f us CPU per answer  load %s\n' \
    "$mode" "$rps" "$answers" \
    "$(awk -v t=$((after - before)) -v n="$answers" -v hz="$TICKS" 'BEGIN{print t / hz * 1e6 / n}')" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

for _ in $(seq "$ROUNDS"); do
  run true
  run false
done
