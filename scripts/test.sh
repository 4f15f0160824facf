#!/usr/bin/env bash
# The test command of README.md, and what CI runs: installs what the tests need, then runs every
# test of every module, the benchmarks' own tests included. Nothing skips for a missing part: the
# podman end-to-end test is required to run. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-setup.sh
mvn -B verify -Pbenchmarks -Ddyninka.it.podman=required "$@"
