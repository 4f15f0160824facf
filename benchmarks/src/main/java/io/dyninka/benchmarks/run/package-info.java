/**
 * The load benchmark's driver: {@link io.dyninka.benchmarks.run.BenchmarkRunner} (started by {@code
 * benchmarks/run.sh}), its settings, the systems under test and the processes it starts and stops.
 * It measures with {@code measure} and writes with {@code report}.
 */
package io.dyninka.benchmarks.run;
