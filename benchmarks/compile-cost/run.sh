#!/usr/bin/env bash
# Compile cost of the Dyninka processor: times javac on a synthetic app (200 services in one chain
# with 5 fan-ins) with and without the processor, and compares against the budget (+30 %, +2 s).
#
#   benchmarks/compile-cost/run.sh        # RUNS=7 WARM_RUNS=10 SERVICES=200 FAN_INS=5 BODIES=realistic
#   BODIES=tiny RUNS=3 benchmarks/compile-cost/run.sh
#
# Two measures: a cold javac process per compilation (wall time, and CPU time, which the load of a
# shared machine disturbs less), and javac in one warm JVM as Maven runs it (CompileBench.java).
#
# Needs the project installed (mvn install) so that dyninka-runtime and dyninka-processor resolve;
# the processor path is the processor and its own dependencies, as annotationProcessorPaths gives.
# Exits 1 when the median overhead is over budget, 2 when a compilation fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-7}
services=${SERVICES:-200}
fan_ins=${FAN_INS:-5}
bodies=${BODIES:-realistic}
warm_runs=${WARM_RUNS:-10}
work=${WORK:-$here/target}
javac=${JAVAC:-javac}

rm -rf "$work" && mkdir -p "$work"

classpath_of() { # profile file
  mvn -B -q -Dstyle.color=never -f "$here/pom.xml" -P "$1" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$2" >/dev/null
  cat "$2"
}
classpath=$(classpath_of app "$work/app.cp")
processorpath=$(classpath_of processor "$work/processor.cp")

java "$here/GenerateApp.java" "$work/src" "$services" "$fan_ins" "$bodies"
find "$work/src" -name '*.java' | sort >"$work/sources.txt"
lines=$(cat $(cat "$work/sources.txt") | wc -l)
echo "synthetic app: $(wc -l <"$work/sources.txt") files, $lines lines, $services services, $fan_ins fan-ins, $bodies bodies"

# One cold javac process per compilation, as a build or an IDE starts one; both modes alternate
# so that the load of the machine falls on both alike.
# A third mode compiles the app and the service classes the processor wrote, without the
# processor: what compiling the generated sources alone costs.
declare -a plain_ms processed_ms generated_ms plain_cpu processed_cpu generated_cpu
for ((i = 0; i < runs; i++)); do
  for mode in plain processed generated; do
    out="$work/out-$mode"
    rm -rf "$out" && mkdir -p "$out/classes" "$out/generated"
    case $mode in
      plain) args=(--release 17 -proc:none -cp "$classpath" -d "$out/classes" @"$work/sources.txt") ;;
      processed) args=(--release 17 -processorpath "$processorpath" -cp "$classpath"
        -d "$out/classes" -s "$out/generated" @"$work/sources.txt") ;;
      generated)
        find "$work/out-processed/generated" -name '*.java' | sort | cat "$work/sources.txt" - \
          >"$work/with-generated.txt"
        args=(--release 17 -proc:none -cp "$classpath" -d "$out/classes" @"$work/with-generated.txt") ;;
    esac
    # %e: wall seconds; %U + %S: CPU seconds of javac and all its threads (JIT, GC).
    if ! /usr/bin/time -f '%e %U %S' -o "$work/time-$mode" "$javac" "${args[@]}" \
      >"$work/javac-$mode.log" 2>&1; then
      echo "javac ($mode) failed:" && cat "$work/javac-$mode.log"
      exit 2
    fi
    read -r wall user sys <"$work/time-$mode"
    wall_ms=$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')
    cpu_ms=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')
    case $mode in
      plain) plain_ms+=("$wall_ms") && plain_cpu+=("$cpu_ms") ;;
      processed) processed_ms+=("$wall_ms") && processed_cpu+=("$cpu_ms") ;;
      generated) generated_ms+=("$wall_ms") && generated_cpu+=("$cpu_ms") ;;
    esac
  done
done

generated=$(find "$work/out-processed/generated" -name '*.java' | wc -l)
manifest="$work/out-processed/classes/META-INF/dyninka/synthetic.json"
[ -f "$manifest" ] || { echo "no manifest written: $manifest" && exit 2; }
echo "with the processor: $generated service classes generated and compiled, manifest written"

# In-process: the same sources, javac warm, the processor loaded afresh for each compilation.
read -r warm_plain warm_processed < <(java "$here/CompileBench.java" "$work/sources.txt" \
  "$classpath" "$processorpath" "$work/bench" 3 "$warm_runs")

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
percent() { awk -v p="$1" -v q="$2" 'BEGIN {printf "%+.0f%%", 100 * (q - p) / p}'; }
row() { printf '| %-38s | %7d | %7d | %+7d | %6s |\n' "$1" "$2" "$3" $(($3 - $2)) "$(percent "$2" "$3")"; }

plain=$(median "${plain_ms[@]}")
processed=$(median "${processed_ms[@]}")
extra=$((processed - plain))
percent=$(awk -v p="$plain" -v q="$processed" 'BEGIN {printf "%.1f", 100 * (q - p) / p}')

echo
echo "cold javac runs, $runs each (wall ms / CPU ms):"
echo "  without the processor:          ${plain_ms[*]} / ${plain_cpu[*]}"
echo "  with the processor:             ${processed_ms[*]} / ${processed_cpu[*]}"
echo "  generated sources, no processor: ${generated_ms[*]} / ${generated_cpu[*]}"
echo
printf '| %-38s | %7s | %7s | %7s | %6s |\n' "median, ms" "plain" "+proc" "extra" "extra"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------" "---------" "---------" "---------" "--------"
row "cold javac process, wall" "$plain" "$processed"
row "cold javac process, CPU (all threads)" "$(median "${plain_cpu[@]}")" "$(median "${processed_cpu[@]}")"
row "app + generated sources, no processor, CPU" "$(median "${plain_cpu[@]}")" "$(median "${generated_cpu[@]}")"
row "warm in-process javac (Maven), CPU" "$warm_plain" "$warm_processed"
echo
over=$(awk -v e="$extra" -v pc="$percent" 'BEGIN {print (e > 2000 || pc > 30) ? 1 : 0}')
if [ "$over" = 1 ]; then
  echo "OVER BUDGET: the processor may add at most 30 % and at most 2000 ms"
  exit 1
fi
echo "within budget (at most +30 % and +2000 ms)"
