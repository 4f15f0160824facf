package io.dyninka.runtime;

import java.util.regex.Pattern;

/**
 * Builds {@code Server-Timing}: one {@code name;dur=ms} entry per traversed service with its own
 * process time, upstream entries first, so a client can tell process time from per-hop overhead.
 */
final class ServerTiming {

  static final String HEADER = "Server-Timing";

  private static final Pattern ENTRY =
      Pattern.compile("[A-Za-z0-9_$-]{1,64};dur=[0-9]{1,9}(\\.[0-9]{1,6})?");

  private ServerTiming() {}

  /** This service's entry, after the upstream entries (each may be null). */
  static String append(StringBuilder upstream, String service, long nanos) {
    if (upstream.length() > 0) {
      upstream.append(", ");
    }
    long micros = nanos / 1_000;
    upstream.append(service).append(";dur=").append(micros / 1_000).append('.');
    long fraction = micros % 1_000;
    if (fraction < 100) {
      upstream.append('0');
    }
    if (fraction < 10) {
      upstream.append('0');
    }
    return upstream.append(fraction).toString();
  }

  /** Keeps only well-formed entries from an upstream answer, so nothing raw is copied along. */
  static void collect(StringBuilder into, String upstreamHeader) {
    if (upstreamHeader == null || upstreamHeader.isEmpty() || upstreamHeader.length() > 8192) {
      return;
    }
    for (String entry : upstreamHeader.split(",")) {
      String trimmed = entry.trim();
      if (ENTRY.matcher(trimmed).matches()) {
        if (into.length() > 0) {
          into.append(", ");
        }
        into.append(trimmed);
      }
    }
  }
}
