package io.dyninka.benchmarks.measure;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the way {@code hey -z} takes them ({@code 15s}, {@code 1m30s}, {@code 500ms}).
 */
public final class GoDuration {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private GoDuration() {}

  public static Duration parse(String text) {
    String value = text.trim();
    Matcher m = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
      end = m.end();
    }
    if (end == 0 || end != value.length() || total.isZero()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration like 15s, 1m or 500ms");
    }
    return total;
  }

  /** The form hey takes: whole seconds when possible. */
  public static String format(Duration duration) {
    return duration.toMillisPart() == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }
}
