package io.dyninka.benchmarks.measure;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code hey} run reported, read from its summary.
 *
 * <p>hey prints latencies in seconds with four decimals, so p50 and p99 have a 0.1 ms resolution.
 * It keeps at most one million answers for its distributions; {@link #sampled()} says when a run
 * answered more and its status counts cover the first million only.
 *
 * @param seconds the run's wall time
 * @param heyRps hey's own Requests/sec, which counts transport errors as requests
 * @param statuses answers by HTTP status
 * @param errors transport errors (refused, reset, timeout) by message
 */
public record HeyReport(
    double seconds,
    double heyRps,
    double meanMs,
    double p50Ms,
    double p99Ms,
    Map<Integer, Long> statuses,
    Map<String, Long> errors) {

  private static final Pattern NUMBER_LINE = Pattern.compile("^\\s*([A-Za-z/ ]+):\\s+([0-9.]+)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+)%+ in ([0-9.]+) secs");
  private static final Pattern STATUS = Pattern.compile("^\\s*\\[(\\d{3})\\]\\s+(\\d+) responses");
  private static final Pattern ERROR = Pattern.compile("^\\s*\\[(\\d+)\\]\\s+(.*)$");

  public static HeyReport parse(String output) {
    double seconds = Double.NaN;
    double rps = Double.NaN;
    double mean = Double.NaN;
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Map<Integer, Long> statuses = new TreeMap<>();
    Map<String, Long> errors = new TreeMap<>();
    String section = "";
    for (String line : output.split("\\R")) {
      if (!line.startsWith(" ") && line.endsWith(":")) {
        section = line;
        continue;
      }
      if (line.startsWith("Error distribution:")) {
        section = "Error distribution:";
        continue;
      }
      Matcher m;
      if (section.startsWith("Summary") && (m = NUMBER_LINE.matcher(line)).find()) {
        double value = Double.parseDouble(m.group(2));
        switch (m.group(1).trim()) {
          case "Total" -> seconds = value;
          case "Average" -> mean = value * 1000;
          case "Requests/sec" -> rps = value;
          default -> {}
        }
      } else if (section.startsWith("Latency distribution")
          && (m = PERCENTILE.matcher(line)).find()) {
        switch (m.group(1)) {
          case "50" -> p50 = Double.parseDouble(m.group(2)) * 1000;
          case "99" -> p99 = Double.parseDouble(m.group(2)) * 1000;
          default -> {}
        }
      } else if (section.startsWith("Status code distribution")
          && (m = STATUS.matcher(line)).find()) {
        statuses.merge(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long::sum);
      } else if (section.startsWith("Error distribution") && (m = ERROR.matcher(line)).find()) {
        errors.merge(m.group(2).trim(), Long.parseLong(m.group(1)), Long::sum);
      }
    }
    if (Double.isNaN(seconds)) {
      throw new IllegalArgumentException("not a hey summary (no 'Total:' line):\n" + output);
    }
    return new HeyReport(seconds, rps, mean, p50, p99, Map.copyOf(statuses), Map.copyOf(errors));
  }

  /** Answers with a 2xx status: 200 (an average) or 204 (the reading was not a temperature). */
  public long ok() {
    return statuses.entrySet().stream()
        .filter(e -> e.getKey() / 100 == 2)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Answers with another status, plus transport errors. */
  public long failed() {
    long non2xx = statuses.values().stream().mapToLong(Long::longValue).sum() - ok();
    return non2xx + errors.values().stream().mapToLong(Long::longValue).sum();
  }

  public long counted() {
    return ok() + failed();
  }

  /** Successful answers per second: the throughput the tables report. */
  public double okRps() {
    return seconds > 0 ? ok() / seconds : 0;
  }

  public double errorPercent() {
    return counted() == 0 ? 100 : 100.0 * failed() / counted();
  }

  /** Whether hey answered more requests than it kept (its one-million cap). */
  public boolean sampled() {
    return !Double.isNaN(heyRps) && heyRps * seconds > counted() * 1.01 + 10;
  }
}
