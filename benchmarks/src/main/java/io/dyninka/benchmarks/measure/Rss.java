package io.dyninka.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resident memory of a process, as the kernel counts it: {@code VmRSS} of /proc/<pid>/status. */
public final class Rss {

  private Rss() {}

  /** In KiB; -1 when the process is gone or /proc cannot be read. */
  static long kib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Gone, or not Linux.
    }
    return -1;
  }

  /** Every service's RSS, in the order of {@code pids}. */
  public static Map<String, Long> of(Map<String, Long> pids) {
    Map<String, Long> rss = new LinkedHashMap<>();
    pids.forEach((name, pid) -> rss.put(name, kib(pid)));
    return rss;
  }
}
