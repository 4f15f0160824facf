#!/usr/bin/env bash
# Runs the 50-worker benchmark profiles with a JFR recording in every service JVM, then prints the
# bytes allocated and CPU samples per answer of each service (benchmarks/profile/per_answer.py).
# The smart-building flow only: per_answer.py knows its services' main classes.
#
#   benchmarks/profile/profile.sh                                   # Dyninka against hand-written
#   SYSTEMS="dyninka candidate handwritten" CANDIDATE_RUNTIME=x.jar benchmarks/profile/profile.sh
#
# JFR's profile settings slow every system down, so its req/s are not the benchmark's; the figures
# per answer are what it is for. Output: benchmarks/target/profile/{run.log,jfr/,per-answer.md}.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=benchmarks/target/profile
rm -rf "$out" && mkdir -p "$out/jfr"
seconds=${TARGET_SECONDS:-30}
JMH=0 WORKERS=50 DURATION=5s TARGET_DURATION=${seconds}s WARMUP=${WARMUP:-45s} PROBE_REQUESTS=100 \
  FLOW=smart-building SYSTEMS=${SYSTEMS:-dyninka handwritten} RESULTS_DIR="$out/results" \
  EXTRA_JVM_FLAGS="-XX:StartFlightRecording=filename=$PWD/$out/jfr/,dumponexit=true,settings=profile" \
  benchmarks/run.sh | tee "$out/run.log"
python3 benchmarks/profile/per_answer.py "$out/run.log" "$out/jfr" "$seconds" | tee "$out/per-answer.md"
