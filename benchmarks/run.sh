#!/usr/bin/env bash
# The Dyninka performance benchmark (issue #4), in one command:
#
#   benchmarks/run.sh                 # full run, both flows: about 40 minutes on 2 cores
#   FLOW=orders benchmarks/run.sh     # one flow: smart-building or orders (default: both)
#   QUICK=1 benchmarks/run.sh         # smoke run: 5 s per profile, short warm-up
#   DURATION=5s benchmarks/run.sh     # every profile 5 s (the 60 s target profile too)
#
# It builds the smart-building example, the it-tests' orders app (compiled with the processor
# inside the benchmarks module) and the baselines. Flow by flow, it starts the flow's systems
# (Dyninka split, one JVM per service; the same services all in one JVM; the hand-written Vert.x
# twin; for smart-building also a gateway-orchestrated chain and the sensor endpoint) on
# 127.0.0.1, runs hey's profiles (1, 5, 10, 50 workers, keep-alive off and on) against each (the
# orders app with POST bodies), stops them; then runs the JMH hop benchmark and writes
# benchmarks/results/. It stops everything it started.
#
# Settings (environment): DURATION (10s), TARGET_DURATION (60s; the 50-worker keep-alive profile),
# WARMUP (90s: the most warm-up per system; it stops once throughput is steady), WORKERS
# ("1 5 10 50"), FLOW (smart-building, orders or both: "both"), SYSTEMS ("dyninka handwritten
# gateway colocated", and "candidate"; in each flow, gateway for smart-building only), PROBE_REQUESTS (3000),
# JMH (1; 0 skips it), SKIP_BUILD (0), EXTRA_JVM_FLAGS (appended to every JVM's flags), JFR_DIR
# (record a JFR profile of each Dyninka service there), RESULTS_DIR (benchmarks/results), MVN_ARGS
# (extra Maven arguments, e.g. -o). To measure a runtime change before it lands, side by side with
# the current runtime: SYSTEMS="dyninka candidate handwritten" CANDIDATE_RUNTIME=path/to/runtime.jar
# (or CANDIDATE_ENV="DYNINKA_INSTANCES=2" to try a setting; CANDIDATE_LABEL names it in the report).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

# The reproduce line of the report: the command with the settings the caller gave, as given.
command_line="benchmarks/run.sh"
for setting in CANDIDATE_LABEL CANDIDATE_ENV CANDIDATE_RUNTIME EXTRA_JVM_FLAGS SYSTEMS FLOW WORKERS WARMUP TARGET_DURATION DURATION QUICK; do
  if [[ -n "${!setting:-}" ]]; then
    command_line="$setting='${!setting}' $command_line"
  fi
done

if [[ "${QUICK:-0}" == 1 ]]; then
  DURATION=${DURATION:-5s}
  WARMUP=${WARMUP:-30s}
  PROBE_REQUESTS=${PROBE_REQUESTS:-500}
  JMH_QUICK=1
fi
# A DURATION given alone applies to every profile; the 60 s target profile is the full run's.
if [[ -n "${DURATION:-}" && -z "${TARGET_DURATION:-}" ]]; then
  TARGET_DURATION=$DURATION
fi
export DURATION=${DURATION:-10s} TARGET_DURATION=${TARGET_DURATION:-60s} WARMUP=${WARMUP:-90s}
export WORKERS=${WORKERS:-1 5 10 50} SYSTEMS=${SYSTEMS:-dyninka handwritten gateway colocated}
export FLOW=${FLOW:-both}
export PROBE_REQUESTS=${PROBE_REQUESTS:-3000}
export RESULTS_DIR=${RESULTS_DIR:-$ROOT/benchmarks/results}
export PID_FILE=$ROOT/benchmarks/target/bench-pids
export EXTRA_JVM_FLAGS=${EXTRA_JVM_FLAGS:-} JFR_DIR=${JFR_DIR:-}
export CANDIDATE_RUNTIME=${CANDIDATE_RUNTIME:-} CANDIDATE_ENV=${CANDIDATE_ENV:-}
read -r -a MVN_EXTRA <<<"${MVN_ARGS:-}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# --- tools -------------------------------------------------------------------------------------
need_apt=()
command -v hey >/dev/null || need_apt+=(hey)
command -v java >/dev/null || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need_apt+=(maven)
if ((${#need_apt[@]})); then
  log "installing ${need_apt[*]} from Debian"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
export CLK_TCK=$(getconf CLK_TCK)
HEY_VERSION="hey $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '(version unknown)')"
export HEY_VERSION

# --- stop everything we started, whatever happens ----------------------------------------------
RUNNER_PID=
cleanup() {
  local status=$?
  if [[ -n "$RUNNER_PID" ]] && kill -0 "$RUNNER_PID" 2>/dev/null; then
    kill -TERM "$RUNNER_PID" 2>/dev/null || true
    # The runner's shutdown hooks stop its services; give them time, then make sure.
    for _ in $(seq 1 40); do kill -0 "$RUNNER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$RUNNER_PID" 2>/dev/null || true
  fi
  if [[ -f "$PID_FILE" ]]; then
    while read -r pid; do
      [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true
    done <"$PID_FILE"
    sleep 1
    while read -r pid; do
      [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
    done <"$PID_FILE"
    rm -f "$PID_FILE"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build -------------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building the runtime, the processor, the smart-building example and the benchmarks, with the orders app (mvn -q)"
  # The benchmarks module is in the root POM's profile "benchmarks", out of a product build.
  # Installed, so that the benchmarks module finds the example (and the example the processor)
  # also when built on its own (mvn -f benchmarks/pom.xml).
  modules=.,dyninka-annotations,dyninka-runtime,dyninka-processor,examples/smart-building,benchmarks
  mvn -q -B "${MVN_EXTRA[@]}" -Pbenchmarks -DskipTests install -pl "$modules"
fi
CLASSPATH_FILE=benchmarks/target/classpath.txt
[[ -f "$CLASSPATH_FILE" ]] || { echo "no $CLASSPATH_FILE: run without SKIP_BUILD=1 first" >&2; exit 1; }
CP="$ROOT/benchmarks/target/classes:$(cat "$CLASSPATH_FILE")"

mkdir -p "$RESULTS_DIR" "$ROOT/benchmarks/target"
rm -f "$PID_FILE"
export BENCH_COMMAND=$command_line

# --- the load benchmark ------------------------------------------------------------------------
log "load benchmark: ${DURATION} per profile, ${TARGET_DURATION} for the target profile, workers ${WORKERS}"
# In the background and waited for, so that the EXIT trap can stop it on Ctrl-C.
java -XX:+UseSerialGC -Xmx256m -cp "$CP" io.dyninka.benchmarks.run.BenchmarkRunner &
RUNNER_PID=$!
wait "$RUNNER_PID"
RUNNER_PID=

# --- the JMH hop benchmark ---------------------------------------------------------------------
if [[ "${JMH:-1}" == 1 ]]; then
  # The hop benchmark warms up for long: on a busy 2-core machine the JIT needs tens of seconds.
  if [[ "${JMH_QUICK:-0}" == 1 ]]; then
    hop_args=(-f 1 -wi 4 -w 2s -i 3 -r 2s)
    piece_args=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
  else
    hop_args=(-f 1 -wi 8 -w 3s -i 5 -r 3s)
    piece_args=(-f 1 -wi 3 -w 1s -i 4 -r 1s)
  fi
  log "JMH: one hop's runtime overhead against a bare Vert.x handler"
  rm -f "$RESULTS_DIR"/jmh*.json
  java -cp "$CP" org.openjdk.jmh.Main "${hop_args[@]}" -rf json -rff "$RESULTS_DIR/jmh-hop.json" \
    'io\.dyninka\.benchmarks\.jmh\.HopBenchmark' >"$ROOT/benchmarks/target/jmh.log" &
  RUNNER_PID=$!
  wait "$RUNNER_PID"
  java -cp "$CP" org.openjdk.jmh.Main "${piece_args[@]}" -rf json -rff "$RESULTS_DIR/jmh-pieces.json" \
    'io\.dyninka\.runtime\.RuntimePiecesBenchmark' >>"$ROOT/benchmarks/target/jmh.log" &
  RUNNER_PID=$!
  wait "$RUNNER_PID"
  RUNNER_PID=
  java -cp "$CP" io.dyninka.benchmarks.report.JmhReport "$RESULTS_DIR/jmh.md" "$RESULTS_DIR/jmh-hop.json" "$RESULTS_DIR/jmh-pieces.json"
fi

log "done: $RESULTS_DIR/results.md"
