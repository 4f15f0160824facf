#!/usr/bin/env bash
# Soak benchmark (issue #5): the paper's longest profile, 50 workers for 10 minutes, against the
# smart-building services started the way a user starts them (mvn dyninka:run), each in its own
# JVM on loopback. Records the error count and every service's RSS over time, writes
# benchmarks/results/soak.{md,csv,svg}, and stops everything it started.
#
#   benchmarks/soak/soak.sh                         # 50 workers, 10 minutes
#   DURATION=60s WORKERS=50 benchmarks/soak/soak.sh # a shorter soak
#
# Settings (environment): DURATION (10m), WORKERS (50), KEEPALIVE (1; 0 disables it, as in the
# paper), SAMPLE_SECONDS (5), SEGMENT_SECONDS (60), SKIP_BUILD (0), RESULTS_DIR (benchmarks/results).
#
# hey keeps at most 1,000,000 results and stops there (about 5 minutes at 3,000 req/s), so the
# load runs as back-to-back hey segments of SEGMENT_SECONDS until DURATION has passed; the report
# sums them and lists each one, which also shows whether throughput or p99 drift over time.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-10m} WORKERS=${WORKERS:-50} KEEPALIVE=${KEEPALIVE:-1} SAMPLE_SECONDS=${SAMPLE_SECONDS:-5}
SEGMENT_SECONDS=${SEGMENT_SECONDS:-60}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/benchmarks/results}
WORK=$ROOT/benchmarks/target/soak
mkdir -p "$WORK" "$RESULTS_DIR"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
# 90, 90s, 10m or 1h as seconds.
seconds_of() {
  case $1 in
    *h) echo $((${1%h} * 3600)) ;; *m) echo $((${1%m} * 60)) ;; *s) echo "${1%s}" ;; *) echo "$1" ;;
  esac
}
duration_seconds=$(seconds_of "$DURATION")

command -v hey >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }

pids=()
# SIGTERM, not SIGINT: a script's background jobs ignore SIGINT, so Maven would never see it.
# Children first (the sensor JVM of exec:exec, the services of dyninka:run), then Maven itself.
cleanup() {
  for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building"
  mvn -B -q install -DskipTests -pl dyninka-annotations,dyninka-runtime,dyninka-processor,dyninka-maven-plugin,examples/smart-building
fi

sensor_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log "sensor endpoint on 127.0.0.1:$sensor_port"
mvn -B -q -f examples/smart-building exec:exec@sensor -Dsensor.port="$sensor_port" >"$WORK/sensor.log" 2>&1 &
pids+=($!)

log "starting the services with mvn dyninka:run"
mvn -B -f examples/smart-building dyninka:run -Ddyninka.run.environment="SENSOR_URL=http://127.0.0.1:$sensor_port/" >"$WORK/run.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do
  grep -q "Entry: curl" "$WORK/run.log" && break
  sleep 0.2
done
entry=$(grep -o "Entry: curl http://[0-9.:]*/" "$WORK/run.log" | awk '{print $3}')
[[ -n "$entry" ]] || { log "dyninka:run did not start:"; tail -30 "$WORK/run.log"; exit 1; }
# The table rows: "name  http://127.0.0.1:port  pid".
mapfile -t services < <(grep -oE "\] [a-zA-Z]+( \(entry\))? +http://127\.0\.0\.1:[0-9]+ +[0-9]+" "$WORK/run.log" | awk '{print $2 "=" $NF}')
log "entry $entry; services ${services[*]}"

csv=$RESULTS_DIR/soak.csv
echo "seconds,service,rss_kib" >"$csv"
sample() {
  local start=$SECONDS
  while true; do
    for entry_pid in "${services[@]}"; do
      local name=${entry_pid%%=*} pid=${entry_pid##*=}
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      echo "$((SECONDS - start)),$name,$rss" >>"$csv"
    done
    sleep "$SAMPLE_SECONDS"
  done
}
sample &
sampler=$!

log "soak: $WORKERS workers for $DURATION, keep-alive $([[ $KEEPALIVE == 1 ]] && echo on || echo off)"
ka=(); [[ $KEEPALIVE == 1 ]] || ka=(-disable-keepalive)
rm -f "$WORK"/hey-*.txt
load_start=$SECONDS
segment=0
while ((SECONDS - load_start < duration_seconds)); do
  left=$((duration_seconds - (SECONDS - load_start)))
  segment=$((segment + 1))
  hey -z "$((left < SEGMENT_SECONDS ? left : SEGMENT_SECONDS))s" -c "$WORKERS" "${ka[@]}" "$entry" >"$WORK/hey-$(printf %03d $segment).txt"
done
elapsed=$((SECONDS - load_start))
sleep "$SAMPLE_SECONDS"
kill "$sampler" 2>/dev/null || true

# hey's "Status code distribution" lines look like "  [200]	1234 responses".
status_lines() { awk '/^Status code distribution/ {on=1; next} on && /^ *\[[0-9]+\]/ {print} on && /^$/ {on=0}' "$@"; }
transport_errors() { awk '/^Error distribution/ {on=1; next} on && /^ *\[[0-9]+\]/ {gsub(/[\[\]]/,"",$1); n+=$1} END {print n+0}' "$@"; }
segments=("$WORK"/hey-*.txt)
total=$(status_lines "${segments[@]}" | awk '{n+=$2} END {print n+0}')
rps=$(awk -v n="$total" -v s="$elapsed" 'BEGIN {printf "%.0f", n / s}')
statuses=$(status_lines "${segments[@]}" | awk '{gsub(/[\[\]]/,"",$1); n[$1]+=$2} END {for (c in n) printf "%s[%s] %s", (sep++ ? ", " : ""), c, n[c]}')
errors=$(status_lines "${segments[@]}" | awk '{gsub(/[\[\]]/,"",$1); if ($1 != 200 && $1 != 204) n+=$2} END {print n+0}')
transport=$(transport_errors "${segments[@]}")
p99=$(awk '/99% in/ {ms=$3*1000; if (ms > worst) worst=ms} END {print worst " ms (worst segment)"}' "${segments[@]}")
segment_rows() {
  local i=0 file
  for file in "${segments[@]}"; do
    i=$((i + 1))
    printf '| %d | %s | %s | %s | %s |\n' "$i" \
      "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$file")" \
      "$(awk '/99% in/ {print $3*1000 " ms"}' "$file")" \
      "$(status_lines "$file" | awk '{gsub(/[\[\]]/,"",$1); if ($1 != 200 && $1 != 204) n+=$2} END {print n+0}')" \
      "$(transport_errors "$file")"
  done
}

python3 - "$csv" "$RESULTS_DIR/soak.svg" <<'PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
series = collections.defaultdict(list)
for r in rows:
    series[r["service"]].append((int(r["seconds"]), int(r["rss_kib"]) / 1024))
w, h, pad = 720, 360, 50
tmax = max((t for s in series.values() for t, _ in s), default=1) or 1
ymax = max((m for s in series.values() for _, m in s), default=1) * 1.1 or 1
colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
       f'<text x="{w/2}" y="18" text-anchor="middle">RSS per service during the soak (MiB)</text>',
       f'<line x1="{pad}" y1="{h-pad}" x2="{w-pad}" y2="{h-pad}" stroke="black"/>',
       f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{h-pad}" stroke="black"/>',
       f'<text x="{w/2}" y="{h-12}" text-anchor="middle">seconds (0 .. {tmax})</text>',
       f'<text x="{pad-6}" y="{pad}" text-anchor="end">{ymax:.0f}</text><text x="{pad-6}" y="{h-pad}" text-anchor="end">0</text>']
for i, (name, pts) in enumerate(sorted(series.items())):
    c = colors[i % len(colors)]
    path = " ".join(f"{pad + t / tmax * (w - 2 * pad):.1f},{h - pad - m / ymax * (h - 2 * pad):.1f}" for t, m in pts)
    out.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="{path}"/>')
    out.append(f'<text x="{w - pad + 4}" y="{pad + 16 * i}" fill="{c}">{name}</text>')
out.append("</svg>")
open(sys.argv[2], "w").write("\n".join(out))
PY

{
  echo "# Soak: $WORKERS workers for $DURATION (keep-alive $([[ $KEEPALIVE == 1 ]] && echo on || echo off))"
  echo
  echo "Reproduce: \`DURATION=$DURATION WORKERS=$WORKERS KEEPALIVE=$KEEPALIVE benchmarks/soak/soak.sh\` ($(nproc) cores, $(date -u +%Y-%m-%d))"
  echo
  echo "| requests | seconds | req/s | p99 | HTTP statuses | errors (not 200/204) | transport errors |"
  echo "|---|---|---|---|---|---|---|"
  echo "| $total | $elapsed | $rps | $p99 | $statuses | $errors | $transport |"
  echo
  echo "Each hey segment (${SEGMENT_SECONDS} s):"
  echo
  echo "| segment | req/s | p99 | errors | transport errors |"
  echo "|---:|---:|---:|---:|---:|"
  segment_rows
  echo
  echo "| service | RSS first sample (MiB) | RSS max (MiB) | RSS last sample (MiB) |"
  echo "|---|---|---|---|"
  awk -F, 'NR>1 {if (!($2 in first)) first[$2]=$3; if ($3>max[$2]) max[$2]=$3; last[$2]=$3}
           END {for (s in first) printf "| %s | %.0f | %.0f | %.0f |\n", s, first[s]/1024, max[s]/1024, last[s]/1024}' "$csv" | sort
  echo
  echo "RSS over time: [soak.svg](soak.svg); samples: [soak.csv](soak.csv)."
} >"$RESULTS_DIR/soak.md"
cat "$RESULTS_DIR/soak.md"
