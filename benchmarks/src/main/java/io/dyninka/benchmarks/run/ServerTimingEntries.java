package io.dyninka.benchmarks.run;

/** Sums the {@code dur} of every entry of a {@code Server-Timing} header, in milliseconds. */
final class ServerTimingEntries {

  private ServerTimingEntries() {}

  /** The summed durations and the number of entries that had one. */
  record Sum(double millis, int entries) {}

  static Sum sum(String header) {
    if (header == null || header.isBlank()) {
      return new Sum(0, 0);
    }
    double total = 0;
    int entries = 0;
    for (String metric : header.split(",")) {
      for (String param : metric.split(";")) {
        String p = param.trim();
        if (p.startsWith("dur=")) {
          try {
            total += Double.parseDouble(p.substring(4));
            entries++;
          } catch (NumberFormatException e) {
            // Not a duration: not a service's process time.
          }
        }
      }
    }
    return new Sum(total, entries);
  }
}
