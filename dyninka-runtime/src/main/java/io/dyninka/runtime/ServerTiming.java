package io.dyninka.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Server-Timing}, the one implementation in the project: one {@code name;dur=ms} entry per
 * traversed service with its own process time, upstream entries first, so a client can tell process
 * time from per-hop overhead. Services write it; clients, tests and benchmarks read it with {@link
 * #parse}.
 */
public final class ServerTiming {

  public static final String HEADER = "Server-Timing";

  private static final int MAX_HEADER = 8192;
  private static final int MAX_NAME = 64;
  private static final String DUR = ";dur=";

  private ServerTiming() {}

  /** One traversed service and its own process time. */
  public record Entry(String service, double millis) {}

  /**
   * The entries of a header that have a readable {@code dur} (among other parameters, in any
   * order); a missing header, and entries without one, count as none.
   */
  public static List<Entry> parse(String header) {
    List<Entry> entries = new ArrayList<>();
    if (header == null) {
      return entries;
    }
    for (String metric : header.split(",")) {
      String[] parts = metric.trim().split(";");
      if (parts[0].isEmpty()) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim();
        if (param.startsWith("dur=")) {
          try {
            entries.add(new Entry(parts[0], Double.parseDouble(param.substring(4))));
          } catch (NumberFormatException e) {
            // Not a duration: not a service's process time.
          }
        }
      }
    }
    return entries;
  }

  /** The summed process time of {@code entries}, in milliseconds. */
  public static double totalMillis(List<Entry> entries) {
    return entries.stream().mapToDouble(Entry::millis).sum();
  }

  /**
   * {@code upstream} (may be null or empty), copied as it is, followed by the entry of {@code
   * service}: for a client or a hand-written service that trusts its upstream.
   */
  public static String append(String upstream, String service, long nanos) {
    StringBuilder s = new StringBuilder(upstream == null ? 32 : upstream.length() + 32);
    if (upstream != null) {
      s.append(upstream);
    }
    return append(s, service, nanos);
  }

  /** This service's entry, after the upstream entries (each may be null). */
  static String append(StringBuilder upstream, String service, long nanos) {
    if (upstream.length() > 0) {
      upstream.append(", ");
    }
    long micros = nanos / 1_000;
    upstream.append(service).append(DUR).append(micros / 1_000).append('.');
    long fraction = micros % 1_000;
    if (fraction < 100) {
      upstream.append('0');
    }
    if (fraction < 10) {
      upstream.append('0');
    }
    return upstream.append(fraction).toString();
  }

  /**
   * Keeps only well-formed entries from an upstream answer, so nothing raw is copied along. A scan
   * by hand rather than split and a regex: it runs on every hop, and was a tenth of its CPU time.
   */
  static void collect(StringBuilder into, String upstreamHeader) {
    if (upstreamHeader == null || upstreamHeader.length() > MAX_HEADER) {
      return;
    }
    int start = 0;
    while (start <= upstreamHeader.length()) {
      int comma = upstreamHeader.indexOf(',', start);
      int end = comma < 0 ? upstreamHeader.length() : comma;
      int from = start;
      int to = end;
      while (from < to && upstreamHeader.charAt(from) <= ' ') {
        from++;
      }
      while (to > from && upstreamHeader.charAt(to - 1) <= ' ') {
        to--;
      }
      if (wellFormed(upstreamHeader, from, to)) {
        if (into.length() > 0) {
          into.append(", ");
        }
        into.append(upstreamHeader, from, to);
      }
      start = end + 1;
    }
  }

  /** Whether {@code s[from, to)} is {@code [A-Za-z0-9_$-]{1,64};dur=[0-9]{1,9}(\.[0-9]{1,6})?}. */
  static boolean wellFormed(String s, int from, int to) {
    int i = from;
    while (i < to && isNameChar(s.charAt(i))) {
      i++;
    }
    int name = i - from;
    if (name < 1 || name > MAX_NAME || i + DUR.length() > to || !s.startsWith(DUR, i)) {
      return false;
    }
    i += DUR.length();
    int whole = digits(s, i, to);
    if (whole < 1 || whole > 9) {
      return false;
    }
    i += whole;
    if (i == to) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    int fraction = digits(s, i + 1, to);
    return fraction >= 1 && fraction <= 6 && i + 1 + fraction == to;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$'
        || c == '-';
  }

  private static int digits(String s, int from, int to) {
    int i = from;
    while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
