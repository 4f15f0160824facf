package io.dyninka.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time a process has used, user plus system, all threads, from /proc/<pid>/stat. Divided by the
 * answers of a run, it gives CPU per request: a measure of efficiency that other work on a shared
 * machine disturbs far less than throughput or latency.
 */
public final class CpuTime {

  /** Clock ticks per second of /proc's counters; run.sh passes {@code getconf CLK_TCK}. */
  private static final double TICKS_PER_SECOND =
      Double.parseDouble(System.getenv().getOrDefault("CLK_TCK", "100"));

  private CpuTime() {}

  /** Milliseconds of CPU used so far; NaN when the process is gone. */
  static double millis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name may hold spaces and parentheses: fields are counted after the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  public static Map<String, Double> of(Map<String, Long> pids) {
    Map<String, Double> cpu = new LinkedHashMap<>();
    pids.forEach((name, pid) -> cpu.put(name, millis(pid)));
    return cpu;
  }

  /** {@code after − before}, service by service. */
  public static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new LinkedHashMap<>();
    before.forEach((name, millis) -> used.put(name, after.getOrDefault(name, Double.NaN) - millis));
    return used;
  }
}
